/**
 * The benchmark partner with its million customers on a real PostgreSQL, shared by `npm run bench` and
 * `npm run load`: the database is created when missing, migrated, seeded up to the wanted number of customers (once;
 * later runs reuse it), and given a partner admin to sign in with.
 */
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { BENCH_PARTNER_NAME, seedLargePartner } from "../../db/seed/large";
import { hashPassword } from "../../lib/auth/password";

export const BENCH_ADMIN = { email: "bench-admin@bench.example", password: "bench-password-1" };

/** Creates the database of `url` on its server when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  const name = target.pathname.slice(1);
  const [exists] = await client`select 1 from pg_database where datname = ${name}`;
  if (!exists) await client.unsafe(`create database "${name}"`);
  await client.end();
}

export interface BenchPartner {
  handle: DatabaseHandle;
  partner: { id: number; name: string; n: number };
  adminId: number;
}

export async function openBenchPartner(url: string, options: { customers: number; max?: number }): Promise<BenchPartner> {
  await ensureDatabase(url);
  const handle = openDatabase(url, { embedded: false, max: options.max ?? 4 });
  await runMigrations(handle.db);
  const [existing] = await handle.client<{ id: number; n: number }[]>`
    select p.id, coalesce(pc.customers, 0)::int as n from partners p left join partner_counters pc on pc.partner_id = p.id
     where p.name = ${BENCH_PARTNER_NAME}`;
  if (!existing || existing.n < options.customers) {
    console.log(`Seeding ${options.customers.toLocaleString("en")} customers (set-based; a few minutes)…`);
    await seedLargePartner(handle, {
      customers: options.customers,
      now: new Date(),
      onProgress: (done, total) => process.stdout.write(`\r  ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`),
    });
    process.stdout.write("\n");
  }
  const [partner] = await handle.client<{ id: number; name: string; n: number }[]>`
    select p.id, p.name, pc.customers::int as n from partners p join partner_counters pc on pc.partner_id = p.id where p.name = ${BENCH_PARTNER_NAME}`;

  // A partner admin to sign in with for the HTTP figures.
  const [admin] = await handle.client<{ id: number }[]>`select id from users where email = ${BENCH_ADMIN.email}`;
  const adminId =
    admin?.id ??
    (
      await handle.client<{ id: number }[]>`
      insert into users (name, email, password_hash) values ('Bench Admin', ${BENCH_ADMIN.email}, ${await hashPassword(BENCH_ADMIN.password)}) returning id`
    )[0]!.id;
  await handle.client`insert into partner_members (partner_id, user_id, role) values (${partner!.id}, ${adminId}, 'admin') on conflict do nothing`;
  return { handle, partner: partner!, adminId };
}
