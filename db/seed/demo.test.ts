import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/connection";
import { withFreshDatabase } from "@/tests/support/fresh-database";
import { seedDemo } from "./demo";

const TABLES = [
  "partners",
  "users",
  "partner_members",
  "plans",
  "customers",
  "customer_app_access",
  "customer_members",
  "customer_managers",
  "customer_manager_customers",
  "environments",
  "projects",
  "connections",
  "recipes",
  "recipe_versions",
  "jobs",
  "partner_counters",
];

/** A digest of every seeded row, leaving out what is random by design (password salts, the partners' embedded vendor IDs). */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of [...TABLES, "roles"]) {
    const filter = table === "roles" ? sql.raw("where kind <> 'system'") : sql.raw("");
    const [row] = await db.execute<{ digest: string; n: number }>(sql`
      select md5(coalesce(string_agg(x, '|' order by x), '')) as digest, count(*)::int as n
        from (select (to_jsonb(t) - 'password_hash' - 'embedded_vendor_id')::text as x from ${sql.identifier(table)} t ${filter}) rows`);
    digests[table] = `${row!.n}:${row!.digest}`;
  }
  return digests;
}

describe("the demo seed", () => {
  it("is deterministic: two fresh databases seeded with the same clock hold the same rows", { timeout: 180_000 }, async () => {
    const now = new Date("2026-03-10T09:30:00Z");
    const first = await withFreshDatabase(async ({ db }) => ({ summary: await seedDemo(db, { now }), rows: await fingerprint(db) }));
    const second = await withFreshDatabase(async ({ db }) => ({ summary: await seedDemo(db, { now }), rows: await fingerprint(db) }));
    expect(second.rows).toEqual(first.rows);
    expect(first.summary).toMatchObject({ partners: 2, customers: 325 });
    expect(first.rows.customers).toMatch(/^325:/);
  });
});
