import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { runMigrations } from "./migrate";

describe("migrations", () => {
  it("apply on this run's database (embedded or PostgreSQL), with pg_trgm and the system roles", async () => {
    const db = getDatabase();
    const tables = await db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
    const names = tables.map((row) => row.table_name);
    for (const table of ["partners", "customers", "customer_managers", "audit_events", "api_clients", "project_grants", "jobs"]) {
      expect(names).toContain(table);
    }
    const [trgm] = await db.execute<{ extname: string }>(sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(trgm?.extname).toBe("pg_trgm");
    const roles = await db.execute<{ id: number; name: string }>(sql`select id, name from roles where kind = 'system' order by id`);
    expect(roles.map((role) => role.name)).toEqual(["Analyst", "Admin", "Operator"]);
    expect(roles[1]!.id).toBe(2);
  });

  it("are idempotent: applying them again changes nothing", async () => {
    const db = getDatabase();
    const before = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await runMigrations(db);
    const after = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(after).toEqual(before);
  });

  it("make the audit log append-only: UPDATE, DELETE and TRUNCATE fail", async () => {
    const db = getDatabase();
    await db.execute(sql`insert into audit_events (partner_id, acting_as, action) values (0, 'system', 'test.event')`);
    // Drizzle wraps the database's error; the database's own message is the cause.
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => "allowed",
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(db.execute(sql`update audit_events set action = 'changed'`))).toMatch(/append-only: UPDATE/);
    expect(await refusal(db.execute(sql`delete from audit_events`))).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE/);
  });
});
