/**
 * The IDs a fuzzed request can name, read from the database rather than listed by hand: every `id`, `*_id`,
 * `external_id` and `name` value in the rows of each partner (tables found in the catalog by their `partner_id`
 * column), plus the shared catalogs (apps, system roles). Requests that name the other partner's IDs must answer as
 * if they did not exist (decision D8); requests that name our own reach past validation into the commands.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/connection";
import type { IdPools, KeyedValues } from "./hostile-values";

export interface FuzzPools extends IdPools {
  /** Path references by external ID (`E` + the URL-encoded external ID, decision D4), ours and theirs. */
  references: string[];
}

type Column = {
  table_name: string;
  column_name: string;
  partner_scoped: boolean;
};

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function valueColumns(db: Database): Promise<Column[]> {
  return db.execute<Column>(sql`
    select c.table_name, c.column_name,
      exists (select 1 from information_schema.columns p
              where p.table_schema = c.table_schema and p.table_name = c.table_name and p.column_name = 'partner_id') as partner_scoped
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and (c.column_name in ('id', 'name') or c.column_name like '%\\_id' escape '\\')
      and c.data_type in ('integer', 'bigint', 'text')
      and c.table_name not in ('partners', 'users', 'sessions')
    order by c.table_name, c.column_name`);
}

/** `{ "customers": [ids], "customer_members.user_id": [...], "user_id": [...], "roles.name": [...] }` for a partner. */
async function keyedValues(db: Database, columns: Column[], partnerId: number, shared: boolean): Promise<KeyedValues> {
  const branches = columns
    .filter((column) => column.partner_scoped || shared)
    .map(({ table_name, column_name, partner_scoped }) => {
      const where = partner_scoped ? `partner_id = ${partnerId}${shared ? " or partner_id is null" : ""}` : "true";
      return `select ${literal(table_name)} as table_name, ${literal(column_name)} as column_name, ${quoted(column_name)}::text as value from ${quoted(table_name)} where ${where}`;
    });
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.partner_id', ${String(partnerId)}, true)`);
    return tx.execute<{ table_name: string; column_name: string; value: string | null }>(
      sql.raw(`select distinct table_name, column_name, value from (${branches.join(" union all ")}) v where value is not null order by 1, 2, 3`),
    );
  });
  const keyed: KeyedValues = { "": [partnerId] };
  const add = (key: string, value: number | string) => {
    const list = (keyed[key] ??= []);
    if (!list.includes(value)) list.push(value);
  };
  for (const { table_name, column_name, value } of rows) {
    const numeric = /^\d{1,10}$/.test(value!) && column_name !== "name" && column_name !== "external_id";
    const item = numeric ? Number(value) : value!;
    add(column_name === "id" ? table_name : `${table_name}.${column_name}`, item);
    if (column_name !== "id") add(column_name, item);
    if (numeric) add("", item);
  }
  return keyed;
}

export async function idPools(db: Database, ours: number, theirs: number): Promise<FuzzPools> {
  const columns = await valueColumns(db);
  const mine = await keyedValues(db, columns, ours, true);
  const other = await keyedValues(db, columns, theirs, false);
  const references = [...(mine.external_id ?? []), ...(other.external_id ?? [])].map((value) => `E${encodeURIComponent(String(value))}`);
  return { ours: mine, theirs: other, references };
}
