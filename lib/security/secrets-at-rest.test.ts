import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partnerMembers } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getDatabase } from "@/lib/db";
import { apiToken } from "@/tests/support/api";
import { createPartner, createUser } from "@/tests/support/factories";

/**
 * Every table of the database whose rows, as text (every column, JSON and arrays included), contain `needle`.
 * Read with the partner set, as a request would, so that row-level security hides nothing of that partner's.
 */
async function tablesContaining(needle: string, partnerId: number): Promise<string[]> {
  return getDatabase().transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.partner_id', ${String(partnerId)}, true)`);
    const tables = await tx.execute<{ schema: string; name: string }>(sql`
      select schemaname as schema, tablename as name from pg_tables
       where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`);
    const found: string[] = [];
    for (const table of tables) {
      const [hit] = await tx.execute(
        sql`select 1 from ${sql.identifier(table.schema)}.${sql.identifier(table.name)} t where strpos(t::text, ${needle}) > 0 limit 1`,
      );
      if (hit) found.push(`${table.schema}.${table.name}`);
    }
    return found;
  });
}

describe("secrets at rest", () => {
  it("no password, API token or session secret appears in plain text anywhere in the database", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const password = `pw-${randomBytes(12).toString("base64url")}`;
    const email = `secrets-${Date.now()}@example.test`;
    const user = await createUser(db, { email, passwordHash: await hashPassword(password) });
    await db.insert(partnerMembers).values({ partnerId: partner.id, userId: user.id, role: "admin" });
    // The real commands: a sign-in (session and audit event) and an API client (client row and audit event).
    const { sessionSecret } = await signInWithPassword({ email, password }, { ip: "203.0.113.5", userAgent: "vitest" });
    const token = await apiToken(partner, admin, { name: "Dump check" });

    // The search finds what is stored in the clear, so an empty answer means something.
    expect(await tablesContaining(email, partner.id)).toEqual(expect.arrayContaining(["public.users", "public.audit_events"]));
    expect(await tablesContaining(token.slice(0, 11), partner.id)).toContain("public.api_clients");

    expect(await tablesContaining(password, partner.id)).toEqual([]);
    expect(await tablesContaining(token, partner.id)).toEqual([]);
    expect(await tablesContaining(token.slice(11), partner.id)).toEqual([]);
    expect(await tablesContaining(sessionSecret, partner.id)).toEqual([]);
  });
});
