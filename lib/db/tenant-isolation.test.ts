/**
 * Row-level security as the second wall behind the data-access layer (issue #7, migration 0010): the catalog says
 * every partner table is walled, the tenant role sees nothing without a partner and only its partner's rows with
 * one, and the owner handle that is not walled is used only where no partner is known yet.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, bulkJobFileChunks, customers, embeddedTokenUses, embeddingKeys, sessions } from "@/db/schema";
import { inPartnerScope } from "@/lib/context";
import { getDatabase, partnerScope, TENANT_ROLE, type Transaction } from "@/lib/db";
import { inviteTeamMember } from "@/lib/partner-team/invite";
import { startBulkJob } from "@/lib/bulk-jobs/start";
import { apiToken } from "@/tests/support/api";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { fillWorkspace } from "@/tests/support/workspace-fixture";

/** Every table of the public schema with a partner_id column, from the catalog (so a new table cannot be missed). */
async function partnerTables(): Promise<{ name: string; rls: boolean; forced: boolean; policies: string[] }[]> {
  return getDatabase().execute<{ name: string; rls: boolean; forced: boolean; policies: string[] }>(sql`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           coalesce(array(select coalesce(p.qual, '') || ' / ' || coalesce(p.with_check, '')
                            from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname), '{}') as policies
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'partner_id' and not a.attisdropped
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     order by 1`);
}

/** Runs `work` as the tenant role, with `partnerId` set, or with no partner at all. */
async function asTenant<T>(partnerId: number | null, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDatabase().transaction(async (tx) => {
    if (partnerId === null) await tx.execute(sql`select set_config('role', ${TENANT_ROLE}, true)`);
    else await tx.execute(partnerScope(partnerId));
    return work(tx);
  });
}

/** Rows of `partnerId`, or of any partner (the system roles every partner shares have none). */
async function countRows(tx: Transaction, table: string, partnerId?: number): Promise<number> {
  const filter = partnerId === undefined ? sql` where partner_id is not null` : sql` where partner_id = ${partnerId}`;
  const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}${filter}`);
  return row!.n;
}

/** What the database said when `work` failed (Drizzle wraps it as the cause of its "Failed query"). */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
  }
  return "not refused";
}

let mine: Awaited<ReturnType<typeof createPartner>>;
let theirs: Awaited<ReturnType<typeof createPartner>>;

beforeAll(async () => {
  const db = getDatabase();
  mine = await createPartner(db);
  theirs = await createPartner(db);
  for (const partner of [mine, theirs]) {
    const customer = await createCustomer(db, partner.partner.id, partner.plans.starter.id);
    await fillWorkspace(db, partner.partner.id, customer.id);
    await apiToken(partner.partner, partner.admin);
    await db.insert(auditEvents).values({ partnerId: partner.partner.id, actingAs: "system", actorName: "test", action: "test.seeded" });
    await db.insert(embeddingKeys).values({ partnerId: partner.partner.id, publicKeyPem: "test", fingerprint: "test", modulusBits: 2048 });
    await db.insert(embeddedTokenUses).values({ partnerId: partner.partner.id, jti: "test", usedAt: new Date(), expiresAt: new Date(Date.now() + 60_000) });
    // A team invitation: its row and its email in the outbox.
    await inviteTeamMember(adminContext(partner.partner, partner.admin), { email: `invited-${partner.partner.id}@example.test`, role: "member" });
    // A bulk job: its row and its snapshot of customers.
    const job = await startBulkJob(adminContext(partner.partner, partner.admin), {
      action: { type: "start_trial" },
      selection: { kind: "ids", ids: [customer.id] },
    });
    // The file an export job keeps (written by its last batch).
    await db.insert(bulkJobFileChunks).values({ bulkJobId: job.id, position: 1, partnerId: partner.partner.id, content: "ID\r\n" });
  }
});

describe("row-level security (issue #7)", () => {
  it("every table with partner_id has row-level security enabled and forced, keyed on the transaction's partner", async () => {
    const tables = await partnerTables();
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) {
      expect({ table: table.name, rls: table.rls, forced: table.forced }).toEqual({ table: table.name, rls: true, forced: true });
      expect(table.policies, table.name).toHaveLength(1);
      expect(table.policies[0], table.name).toContain("app_partner_id()");
    }
  });

  it("with no partner set, every partner table reads as empty for the tenant role, though it holds rows", async () => {
    const tables = await partnerTables();
    const populated: string[] = [];
    for (const { name } of tables) {
      if ((await asTenant(theirs.partner.id, (tx) => countRows(tx, name, theirs.partner.id))) > 0) populated.push(name);
      expect(await asTenant(null, (tx) => countRows(tx, name)), name).toBe(0);
    }
    // The fixtures reach every partner table but the few only a running console fills (sign-in counters, trial days).
    expect(populated.length, `tables with rows: ${populated.join(", ")}`).toBeGreaterThanOrEqual(tables.length - 3);
  });

  it("with a partner set, no table shows another partner's rows, and the partner row is the partner's own", async () => {
    for (const { name } of await partnerTables()) {
      expect(await asTenant(mine.partner.id, (tx) => countRows(tx, name, theirs.partner.id)), name).toBe(0);
    }
    const visible = await asTenant(mine.partner.id, (tx) => tx.execute<{ id: number }>(sql`select id from partners`));
    expect(visible.map((row) => row.id)).toEqual([mine.partner.id]);
  });

  it("a forgotten where cannot write another partner's rows: inserts are refused, updates and deletes touch nothing", async () => {
    const smuggled = inPartnerScope({ partnerId: mine.partner.id }, (tx) =>
      tx.insert(customers).values({ partnerId: theirs.partner.id, planId: theirs.plans.free.id, name: "Smuggled", notificationEmail: "x@example.test" }),
    );
    expect(await refusal(smuggled)).toMatch(/row-level security/);
    const renamed = await inPartnerScope({ partnerId: mine.partner.id }, (tx) =>
      tx.execute(sql`update customers set name = 'Renamed' where partner_id = ${theirs.partner.id} returning id`),
    );
    expect(renamed).toHaveLength(0);
    const removed = await inPartnerScope({ partnerId: mine.partner.id }, (tx) =>
      tx.execute(sql`delete from sessions where partner_id = ${theirs.partner.id} returning id_hash`),
    );
    expect(removed).toHaveLength(0);
    const [left] = await getDatabase()
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(sql`partner_id = ${theirs.partner.id}`);
    expect(left!.n).toBeGreaterThan(0);
  });

  it("partner-scoped transactions run as the tenant role, which cannot bypass row-level security", async () => {
    const [row] = await inPartnerScope(adminContext(mine.partner, mine.admin), (tx) =>
      tx.execute<{ who: string; partner: number; bypass: boolean; superuser: boolean }>(sql`
        select current_user as who, app_partner_id() as partner, r.rolbypassrls as bypass, r.rolsuper as superuser
          from pg_roles r where r.rolname = current_user`),
    );
    expect(row).toEqual({ who: TENANT_ROLE, partner: mine.partner.id, bypass: false, superuser: false });
  });

  it("the tenant role may not change or remove audit events, nor empty the log", async () => {
    for (const statement of [sql`update audit_events set action = 'x'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      expect(await refusal(inPartnerScope({ partnerId: mine.partner.id }, (tx) => tx.execute(statement)))).toMatch(/permission denied/);
    }
  });

  it("searches and name-sorted pages still read their indexes under the policy (textlike and lower are leakproof)", async () => {
    const rows = await getDatabase().execute<{ signature: string; leakproof: boolean }>(sql`
      select p.oid::regprocedure::text as signature, p.proleakproof as leakproof
        from pg_proc p where p.oid in ('pg_catalog.textlike(text, text)'::regprocedure, 'pg_catalog.lower(text)'::regprocedure)
       order by 1`);
    expect(rows).toEqual([
      { signature: "lower(text)", leakproof: true },
      { signature: "textlike(text,text)", leakproof: true },
    ]);
  });
});

/** The files (outside tests and scripts) that may use the owner handle; each has a reason in lib/db/index.ts. */
const OWNER_HANDLE_USERS = [
  "lib/api-clients/authenticate.ts",
  "lib/api-clients/full-access.ts",
  "lib/api/rate-limit-prune.ts",
  "lib/api/rate-limit.ts",
  "lib/auth/session-store.ts",
  "lib/auth/sign-in.ts",
  "lib/customers/jobs/roll-over.ts",
  "lib/customers/jobs/trial-ended.ts",
  "lib/db/statistics.ts",
  "lib/embedding/direct-link.ts",
  "lib/jobs/queue.ts",
  "lib/jobs/runs.ts",
  "lib/mail/deliver.ts",
  "lib/notifications/send.ts",
  "lib/partner-team/accept.ts",
  "lib/password-reset/request.ts",
  "lib/password-reset/reset.ts",
  "lib/workspace-team/invitation-sign-up.ts",
  "lib/workspace/frame-ancestors.ts",
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return entry === "node_modules" || entry.startsWith(".") ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe("the owner handle", () => {
  it("is used only where no partner is known yet: a new use must be added here with its reason", () => {
    const root = process.cwd();
    const users = ["app", "components", "lib", "proxy.ts", "instrumentation.ts"]
      .flatMap((entry) => (statSync(join(root, entry)).isDirectory() ? sourceFiles(join(root, entry)) : [join(root, entry)]))
      .filter((path) => /\bgetDatabase\(/.test(readFileSync(path, "utf8")))
      .map((path) => relative(root, path))
      .filter((path) => path !== "lib/db/index.ts")
      .sort();
    expect(users).toEqual(OWNER_HANDLE_USERS);
  });
});
