import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as item from "@/app/api/managed_users/[managed_user_id]/route";
import { auditEvents, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { insideCustomer, personContext, addDirectMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { renameTeam } from "@/lib/workspace/settings";
import { changePlan, setTrial, updateExternalId, updateIframeOrigins, updateNotificationEmail } from "./settings";

/**
 * Every change that both the console and the API offer, made both ways on two customers alike: the rows written
 * and the audit events are compared field by field (issue #13: one command per verb, one event per verb).
 */
const DAY_MS = 86_400_000;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const ctx = adminContext(acme.partner, acme.admin);
  const token = await apiToken(acme.partner, acme.admin);
  return { db, acme, ctx, token };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** Two customers alike but for their IDs (and external IDs, which must differ). */
async function twins(setup: Setup, options: { trialEndsAt?: Date | null } = {}) {
  const { db, acme } = setup;
  const make = (externalId: string) =>
    createCustomer(db, acme.partner.id, acme.plans.starter.id, {
      name: "Twin Corp",
      externalId,
      iframeOrigins: ["https://a.example"],
      trialEndsAt: options.trialEndsAt ?? null,
    });
  return { viaConsole: await make(`C-${acme.partner.id}`), viaApi: await make(`A-${acme.partner.id}`) };
}

async function written(customerId: number) {
  const db = getDatabase();
  const [row] = await db.select().from(customers).where(eq(customers.id, customerId));
  const events = await db
    .select({ action: auditEvents.action, targetType: auditEvents.targetType, changes: auditEvents.changes, customerName: auditEvents.customerName })
    .from(auditEvents)
    .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.targetId, String(customerId))))
    .orderBy(asc(auditEvents.id));
  const { id: _id, externalId: _externalId, searchText: _searchText, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = row!;
  // The external IDs (and the search text made from them) differ by construction; everything else must not.
  const sameExternalIds = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/"[CA]-\d+"/g, '"twin"'));
  return { fields, events: sameExternalIds(events) };
}

async function put(setup: Setup, customerId: number, body: Record<string, unknown>) {
  const response = await call(item.PUT, "PUT", { token: setup.token, params: { managed_user_id: String(customerId) }, body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

describe("a customer's settings, changed in the console and through the API", () => {
  const cases: {
    verb: string;
    trialEndsAt?: () => Date | null;
    console: (s: Setup, id: number) => Promise<unknown>;
    api: Record<string, unknown> | ((s: Setup) => Record<string, unknown>);
  }[] = [
    {
      verb: "plan",
      console: (s, id) => changePlan(s.ctx, { customerId: id, planId: s.acme.plans.growth.id }),
      api: (s) => ({ plan_id: s.acme.plans.growth.id }),
    },
    {
      verb: "plan after an ended trial",
      trialEndsAt: () => new Date(Date.now() - DAY_MS),
      console: (s, id) => changePlan(s.ctx, { customerId: id, planId: s.acme.plans.growth.id }),
      api: (s) => ({ plan_id: s.acme.plans.growth.id }),
    },
    { verb: "trial on", console: (s, id) => setTrial(s.ctx, { customerId: id, enabled: true }), api: { in_trial: true } },
    {
      verb: "trial off",
      trialEndsAt: () => new Date(Date.now() + 5 * DAY_MS),
      console: (s, id) => setTrial(s.ctx, { customerId: id, enabled: false }),
      api: { in_trial: false },
    },
    {
      verb: "notification email",
      console: (s, id) => updateNotificationEmail(s.ctx, { customerId: id, notificationEmail: "ops@twin.example" }),
      api: { notification_email: "ops@twin.example" },
    },
    { verb: "external ID cleared", console: (s, id) => updateExternalId(s.ctx, { customerId: id, externalId: null }), api: { external_id: null } },
    {
      verb: "iframe origins",
      console: (s, id) => updateIframeOrigins(s.ctx, { customerId: id, iframeOrigins: ["https://b.example"] }),
      api: { origin_url: "https://b.example" },
    },
  ];

  for (const { verb, trialEndsAt, console: inConsole, api } of cases) {
    it(`${verb}: the same row and the same audit event`, async () => {
      const s = await setup();
      // One moment for both, so that trial ends computed from "now" agree to the millisecond.
      const { viaConsole, viaApi } = await twins(s, { trialEndsAt: trialEndsAt?.() ?? null });
      await inConsole(s, viaConsole.id);
      await put(s, viaApi.id, typeof api === "function" ? api(s) : api);
      const [fromConsole, fromApi] = [await written(viaConsole.id), await written(viaApi.id)];
      expect(fromConsole.events.length, `${verb}: one event`).toBe(1);
      if (verb.startsWith("trial on")) {
        // A new trial runs 30 days from each request's own moment: compare the day, not the millisecond.
        const day = (value: unknown) => String(value).slice(0, 10);
        expect(day(fromApi.fields.trialEndsAt?.toISOString())).toBe(day(fromConsole.fields.trialEndsAt?.toISOString()));
        fromApi.fields.trialEndsAt = fromConsole.fields.trialEndsAt;
        const to = (events: { changes: { trialEndsAt: { to: string } } }[]) => events[0]!.changes.trialEndsAt;
        to(fromApi.events).to = to(fromConsole.events).to;
      }
      expect(fromApi).toEqual(fromConsole);
    });
  }

  it("name: the Team name inside the account and the API's name are one verb, with one event", async () => {
    const s = await setup();
    const { viaConsole, viaApi } = await twins(s);
    const teamAdmin = await createUser(s.db, { name: "Tess Admin" });
    await addDirectMember(s.db, s.acme.partner.id, viaConsole.id, teamAdmin.id, SYSTEM_ROLE_IDS.admin);
    await renameTeam(insideCustomer(personContext(s.acme.partner, teamAdmin, { partnerRole: null }), viaConsole, null), { name: "Twin Renamed" });
    await put(s, viaApi.id, { name: "Twin Renamed" });
    const [fromConsole, fromApi] = [await written(viaConsole.id), await written(viaApi.id)];
    expect(fromApi).toEqual(fromConsole);
    expect(fromApi.events).toEqual([
      { action: "customer.renamed", targetType: "customer", changes: { name: { from: "Twin Corp", to: "Twin Renamed" } }, customerName: "Twin Renamed" },
    ]);
  });
});
