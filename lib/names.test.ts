/**
 * Names must show something (issue 12, item 5): a customer named with two zero-width spaces was accepted, its row
 * link was 0 px wide and its delete confirmation asked to type nothing visible. Checked where a person meets it:
 * the console's server actions (called with a real session) and the REST API (route handlers with a real token).
 */
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiClients, customers, userGroups } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createManager, openSession, sessionSecretOf } from "@/tests/support/contexts";
import { createCustomer, createPartner } from "@/tests/support/factories";
import { INVISIBLE_NAME_MESSAGE, normalizeName } from "./names";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => new Headers({ "user-agent": "names-test" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
process.env.NEXTAUTH_SECRET = "vitest-secret-for-names";

const { addCustomerAction } = await import("@/app/(console)/customers/(list)/actions");
const { createApiClientAction } = await import("@/app/(console)/api-clients/actions");
const { switchToAccount } = await import("@/app/(console)/account-switch/actions");
const { saveTeamName } = await import("@/app/(workspace)/workspace/admin/settings/actions");
const managedUsers = await import("@/app/api/managed_users/route");
const managedUser = await import("@/app/api/managed_users/[managed_user_id]/route");
const groups = await import("@/app/api/managed_users/[managed_user_id]/user_groups/route");

const ZWSP2 = "\u200B\u200B";
const INVISIBLES = [ZWSP2, "\u200D\uFEFF", "\u2800", "\u3164", "\u00A0\u2060"];

async function actAs(idHash: string) {
  jar.clear();
  const token = await encode({ token: { sid: sessionSecretOf(idHash) }, secret: process.env.NEXTAUTH_SECRET! });
  jar.set("next-auth.session-token", token);
}

beforeEach(() => jar.clear());

describe("normalizeName", () => {
  it("composes to NFC and trims white space and zero-width characters from both ends only", () => {
    expect(normalizeName("\u200B Acme\u0301 Corp\u3000\uFEFF")).toBe("Acm\u00E9 Corp".replace("\u00E9", "e\u0301").normalize("NFC"));
    expect(normalizeName("a\u200Db")).toBe("a\u200Db");
    expect(normalizeName("👩‍💻 team")).toBe("👩‍💻 team");
  });
});

describe("names in the console", () => {
  it("+ Add customer and Create API client refuse a name with nothing visible, naming the field, and store a trimmed NFC name", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    await actAs(await openSession(db, partner.id, admin.id));
    for (const name of INVISIBLES) {
      const added = await addCustomerAction({ name, notificationEmail: "ops@example.test", planId: plans.starter.id });
      expect(added).toMatchObject({ ok: false, fieldErrors: { name: [INVISIBLE_NAME_MESSAGE] } });
      const client = await createApiClientAction({ name, scopes: ["customers:read"], environmentTypes: ["development"] });
      expect(client).toMatchObject({ ok: false, fieldErrors: { name: [INVISIBLE_NAME_MESSAGE] } });
    }
    expect(await db.select().from(customers).where(eq(customers.partnerId, partner.id))).toHaveLength(0);
    expect(await db.select().from(apiClients).where(eq(apiClients.partnerId, partner.id))).toHaveLength(0);

    const added = await addCustomerAction({ name: "\u200B Cafe\u0301\u00A0", notificationEmail: "ops@example.test", planId: plans.starter.id });
    expect(added.ok).toBe(true);
    const [stored] = await db.select({ name: customers.name }).from(customers).where(eq(customers.partnerId, partner.id));
    expect(stored!.name).toBe("Caf\u00E9");
  });

  it("the workspace's Team name refuses two zero-width spaces", async () => {
    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    const customer = await createCustomer(db, partner.id, plans.starter.id, { name: "Named" });
    const { user } = await createManager(db, partner.id, SYSTEM_ROLE_IDS.admin, [customer.id]);
    await actAs(await openSession(db, partner.id, user.id));
    expect(await switchToAccount({ customerId: customer.id, reason: "" })).toMatchObject({ ok: true });
    expect(await saveTeamName({ name: ZWSP2 })).toMatchObject({ ok: false, fieldErrors: { name: [INVISIBLE_NAME_MESSAGE] } });
    expect(await saveTeamName({ name: "  Ops\u200B " })).toMatchObject({ ok: true });
    const [stored] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customer.id));
    expect(stored!.name).toBe("Ops");
  });
});

describe("names in the REST API", () => {
  it("customers and collaborator groups answer 400 naming `name`, and nothing is written", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const customer = await createCustomer(db, partner.id, plans.starter.id, { name: "Kept" });
    const token = await apiToken(partner, admin);
    const params = { managed_user_id: String(customer.id) };
    for (const name of INVISIBLES) {
      const created = await call(managedUsers.POST, "POST", { token, body: { name, notification_email: "ops@example.test" } });
      expect(created.status).toBe(400);
      expectErrorShape(created.body);
      expect(created.body.errors.name).toEqual([INVISIBLE_NAME_MESSAGE]);
      const renamed = await call(managedUser.PUT, "PUT", { token, params, body: { name } });
      expect(renamed.status).toBe(400);
      const group = await call(groups.POST, "POST", { token, params, body: { name } });
      expect(group.status).toBe(400);
      expectErrorShape(group.body);
      expect(group.body.errors.name).toEqual([INVISIBLE_NAME_MESSAGE]);
    }
    expect(await db.select({ name: customers.name }).from(customers).where(eq(customers.partnerId, partner.id))).toEqual([{ name: "Kept" }]);
    expect(await db.select().from(userGroups).where(eq(userGroups.customerId, customer.id))).toHaveLength(0);
  });
});
