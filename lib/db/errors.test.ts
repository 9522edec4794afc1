/**
 * An unreachable database is told apart from a bug, once (lib/db/errors.ts), and every wrapper answers it the same
 * way: the REST API with 503, the documented error shape and Retry-After; the console's JSON routes with 503; the
 * server actions with the message to try again. The outage is real: the process's database handle is pointed at
 * a port where nothing listens, then put back.
 */
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as collection from "@/app/api/managed_users/route";
import { openDatabase } from "@/db/connection";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, getDatabase } from "@/lib/db";
import { databaseOutage } from "@/lib/db/availability";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createTeamMember, openSession, sessionSecretOf } from "@/tests/support/contexts";
import { createCustomer, createPartner } from "@/tests/support/factories";
import { isDatabaseUnavailable, isUniqueViolation, knownFailure } from "./errors";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
process.env.NEXTAUTH_SECRET = "vitest-secret-for-outages";
const customerLookup = await import("@/app/(console)/lookups/customers/route");
const { assignManager } = await import("@/app/(console)/customer-managers/actions");

const DEAD_URL = "postgres://postgres@127.0.0.1:1/nowhere";
const holder = globalThis as unknown as { partnerConsoleDb?: { close(): Promise<void> } };
const realUrl = process.env.DATABASE_URL;

/** Points the process's database handle at `url`; the next query opens it. */
async function useDatabaseAt(url: string | undefined) {
  await holder.partnerConsoleDb?.close();
  holder.partnerConsoleDb = undefined;
  process.env.DATABASE_URL = url;
}

/** The outage probe (every second) has seen the database answer again. */
async function recovered() {
  await vi.waitFor(() => expect(databaseOutage()).toBeNull(), { timeout: 10_000, interval: 100 });
}

afterEach(async () => {
  jar.clear();
  await useDatabaseAt(realUrl);
  await recovered();
});

describe("isDatabaseUnavailable", () => {
  it("is true for a refused connection, and false for a bug or a constraint", async () => {
    const dead = openDatabase(DEAD_URL, { embedded: false, max: 1 });
    const refused = await dead.client`select 1`.catch((error: unknown) => error);
    await dead.close();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(knownFailure(refused)).toMatchObject({
      code: "UNAVAILABLE",
      message: DATABASE_UNAVAILABLE_MESSAGE,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
    // Drizzle wraps the driver's error: the cause counts.
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: refused }))).toBe(true);
    // knownFailure asked for a probe, which finds the (real) database up: no outage.
    await recovered();

    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    await createCustomer(db, partner.id, plans.starter.id, { externalId: "DUP-1" });
    const duplicate = await createCustomer(db, partner.id, plans.starter.id, { externalId: "DUP-1" }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate, "customers_partner_external_id_key")).toBe(true);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(knownFailure(new TypeError("x is undefined"))).toBeNull();
  });
  // A backend terminated mid-transaction: lib/customer-managers/assign.concurrency.test.ts.
});

describe("while the database is unreachable", () => {
  it("the REST API answers 503 with the documented error shape and Retry-After, not a 500", async () => {
    const { partner, admin } = await createPartner(getDatabase());
    const token = await apiToken(partner, admin);
    await useDatabaseAt(DEAD_URL);
    const listed = await call(collection.GET, "GET", { token });
    expect(listed.status).toBe(503);
    expectErrorShape(listed.body);
    expect(listed.body).toEqual({ message: DATABASE_UNAVAILABLE_MESSAGE, errors: {} });
    expect(listed.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));

    // A probe on a new connection confirms the outage: later requests answer 503 at once, without waiting.
    await vi.waitFor(() => expect(databaseOutage()).not.toBeNull(), { timeout: 5_000, interval: 50 });
    expect((await call(collection.GET, "GET", { token })).status).toBe(503);
    // It recovers by itself: once the probe sees the database back, requests are answered.
    await useDatabaseAt(realUrl);
    await recovered();
    expect((await call(collection.GET, "GET", { token })).status).toBe(200);
  });

  it("a console JSON route (the customer picker's) answers 503 and a server action says to try again", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const customer = await createCustomer(db, partner.id, plans.starter.id);
    const member = await createTeamMember(db, partner.id);
    const session = await openSession(db, partner.id, admin.id);
    jar.set("next-auth.session-token", await encode({ token: { sid: sessionSecretOf(session) }, secret: process.env.NEXTAUTH_SECRET! }));
    await useDatabaseAt(DEAD_URL);

    const lookup = await customerLookup.GET(new Request("http://localhost/lookups/customers?q="));
    expect(lookup.status).toBe(503);
    expect(await lookup.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
    expect(lookup.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(await assignManager({ userId: member.id, roleId: SYSTEM_ROLE_IDS.admin, manageAll: false, customerIds: [customer.id] })).toEqual({
      ok: false,
      error: DATABASE_UNAVAILABLE_MESSAGE,
      fieldErrors: {},
    });
  });
});
