/**
 * A fingerprint of everything one partner owns in the database, to prove that a refused request wrote nothing.
 * The tables are read from the catalog (every base table with a `partner_id` column, audit_events among them, plus
 * the partner's own row), so a table added later is covered without touching this file.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/connection";

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** One statement per database: the catalog does not change while tests run, and a constant text is prepared once. */
const statements = new WeakMap<Database, Promise<string>>();

async function digestStatement(db: Database): Promise<string> {
  const tables = await db.execute<{ table_name: string }>(sql`
    select c.table_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'partner_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`);
  // The partner is read from the transaction's app.partner_id, as the app's own queries (and row-level security) do.
  const partner = "current_setting('app.partner_id')::int";
  const branches = tables.map(
    ({ table_name: name }) => `select ${literal(name)} as table_name, md5(r::text) as row_hash from ${quoted(name)} r where r.partner_id = ${partner}`,
  );
  branches.push(`select 'partners', md5(r::text) from partners r where r.id = ${partner}`);
  return `select table_name, count(*)::int as row_count, md5(string_agg(row_hash, '' order by row_hash)) as rows_hash
    from (${branches.join(" union all ")}) partner_rows group by table_name order by table_name`;
}

/** Per table that holds any of the partner's rows: how many, and a hash of their contents. */
export async function partnerRowsByTable(db: Database, partnerId: number): Promise<Record<string, string>> {
  let statement = statements.get(db);
  if (!statement) {
    statement = digestStatement(db);
    statements.set(db, statement);
  }
  const text = await statement;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.partner_id', ${String(partnerId)}, true)`);
    return tx.execute<{ table_name: string; row_count: number; rows_hash: string }>(sql.raw(text));
  });
  return Object.fromEntries(rows.map((row) => [row.table_name, `${row.row_count}:${row.rows_hash}`]));
}

/** A digest of every row of every table with the partner's `partner_id` (audit_events included) and its own row. */
export async function partnerDigest(db: Database, partnerId: number): Promise<string> {
  return createHash("sha256")
    .update(JSON.stringify(await partnerRowsByTable(db, partnerId)))
    .digest("hex");
}
