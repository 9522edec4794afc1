import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { createTeamMember, insideCustomer, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { csvLine } from "@/lib/csv";
import { exportAuditCsv } from "./export";
import { auditFilterSchema, auditPageSchema } from "./filters";
import { listAuditEvents } from "./list";
import { recordAudit } from "./record";
import { DAY_MS } from "@/lib/time";

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: `Northwind ${acme.partner.id}` });
  const member = await createTeamMember(db, acme.partner.id, { name: "Morgan Lee" });
  const admin = adminContext(acme.partner, acme.admin);
  const start = new Date("2025-03-01T12:00:00Z");
  // Ten events a day apart: the member's work in the customer on even days, the admin's on odd days.
  for (let i = 0; i < 10; i++) {
    const at = new Date(start.getTime() + i * DAY_MS);
    const ctx = i % 2 === 0 ? insideCustomer(personContext(acme.partner, member, { at }), customer) : { ...admin, now: at };
    await recordAudit(db, ctx, {
      action: i % 2 === 0 ? "recipe.version_save" : "customer_manager.update",
      targetId: i,
      changes: { step: { from: i - 1, to: i }, note: `event-${i}` },
    });
  }
  await recordAudit(db, adminContext(globex.partner, globex.admin, start), { action: "recipe.version_save", changes: { note: "event-globex" } });
  return { db, acme, globex, customer, member, admin };
}

const page = (input: Record<string, unknown>) => auditPageSchema.parse(input);

describe("the audit log (rule C8)", () => {
  it("lists the partner's events newest first, and only the partner's", async () => {
    const { admin } = await setup();
    const { events, newer, older } = await listAuditEvents(admin, page({}));
    expect(events.map((e) => (e.changes as { note: string }).note)).toEqual(Array.from({ length: 10 }, (_, i) => `event-${9 - i}`));
    expect([newer, older]).toEqual([null, null]);
  });

  it("filters by person, customer, action, date range and free text", async () => {
    const { admin, member, customer } = await setup();
    const notes = async (input: Record<string, unknown>) => (await listAuditEvents(admin, page(input))).events.map((e) => (e.changes as { note: string }).note);
    expect(await notes({ person: String(member.id) })).toEqual(["event-8", "event-6", "event-4", "event-2", "event-0"]);
    expect(await notes({ customer: String(customer.id), from: "2025-03-03", to: "2025-03-05" })).toEqual(["event-4", "event-2"]);
    expect(await notes({ action: "customer_manager.update", to: "2025-03-04" })).toEqual(["event-3", "event-1"]);
    expect(await notes({ q: "EVENT-7" })).toEqual(["event-7"]);
    expect(await notes({ q: "northwind", action: "recipe.version_save", from: "2025-03-09" })).toEqual(["event-8"]);
    expect(await notes({ q: "%" })).toEqual([]);
    // Malformed filters fall back to no filter rather than failing.
    expect(auditFilterSchema.parse({ person: "abc", from: "yesterday", action: "DROP TABLE" })).toEqual({});
  });

  it("pages by keyset in both directions without skipping or repeating an event", async () => {
    const { admin } = await setup();
    const seen: number[] = [];
    let input = page({});
    const pages = [];
    for (;;) {
      const result = await listAuditEvents(admin, input, 3);
      pages.push(result);
      seen.push(...result.events.map((e) => e.id));
      if (!result.older) break;
      input = page({ cursor: result.older, dir: "older" });
    }
    expect(pages.map((p) => p.events.length)).toEqual([3, 3, 3, 1]);
    expect(new Set(seen).size).toBe(10);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const back = await listAuditEvents(admin, page({ cursor: pages[3]!.newer, dir: "newer" }), 3);
    expect(back.events.map((e) => e.id)).toEqual(pages[2]!.events.map((e) => e.id));
    const first = await listAuditEvents(admin, page({ cursor: pages[1]!.newer, dir: "newer" }), 3);
    expect(first.events.map((e) => e.id)).toEqual(pages[0]!.events.map((e) => e.id));
    expect(first.newer).toBeNull();
  });

  it("is for partner admins in the partner account only", async () => {
    const { acme, admin, member, customer } = await setup();
    await expect(listAuditEvents(personContext(acme.partner, member), page({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(insideCustomer(admin, customer), page({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditCsv(personContext(acme.partner, member), {})).rejects.toThrow();
  });

  it("exports the filtered view as CSV, newest first, safe for spreadsheets", async () => {
    const { admin, member } = await setup();
    const text = await new Response(await exportAuditCsv(admin, auditFilterSchema.parse({ person: String(member.id) }))).text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Person,Email,Acting as,Account,Action,Target,Changes,IP address,User agent");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain("2025-03-09T12:00:00.000Z,Morgan Lee,");
    expect(lines[1]).toContain("Customer collaborator,Northwind");
    // The changes column is the event's JSON, its quotes doubled inside a quoted field.
    expect(lines[1]).toMatch(/,"\{[^,]*""note"":""event-8""/);
    expect(csvLine(["=HYPERLINK(1)"])).toBe("'=HYPERLINK(1)\r\n");
    expect(csvLine(['a "quoted", text'])).toBe('"a ""quoted"", text"\r\n');
  });
});
