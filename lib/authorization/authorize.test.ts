import { describe, expect, it } from "vitest";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { API_SCOPES, type ApiScope } from "@/lib/api-clients/scopes";
import type { RequestContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { getDatabase } from "@/lib/db";
import { addDirectMember, insideCustomer, personContext } from "@/tests/support/contexts";
import { createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { authorize, permits, refusalOf } from "./authorize";
import { PERMISSION_NAMES, PERMISSIONS } from "./permissions";

const partner = { id: 1, name: "Acme" };
const person = { id: 7, name: "Pat", email: "pat@example.test" };
const admin = personContext(partner, person, { partnerRole: "admin" });
const member = personContext(partner, person, { partnerRole: "member" });
const collaborator = personContext(partner, person, { partnerRole: null });
const customer = { id: 3, name: "Northwind" };
const inside = (ctx: RequestContext, permissions: string[], switchExpiresAt?: Date | null) => ({
  ...insideCustomer(ctx, customer, switchExpiresAt),
  workspace: { roleName: "Operator", permissions },
});
const client = (scopes: readonly string[]): RequestContext => ({
  ...admin,
  actor: { kind: "api_client", apiClientId: 1, name: "CRM sync", scopes: [...scopes] },
});

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("FORBIDDEN");
  return (error as DomainError).message;
}

describe("authorize: one answer per caller and permission", () => {
  it("partner permissions: every member for reads, partner admins for writes, in the partner account only", () => {
    expect(refusalOf(member, "customers.read")).toBeNull();
    expect(refusalOf(member, "customers.write")).toBe("Only partner admins can do this.");
    expect(refusalOf(admin, "customers.write")).toBeNull();
    expect(refusalOf(collaborator, "team.read")).toBe("Only members of the partner team can do this.");
    expect(refusalOf(inside(admin, ["workspace.view", "collaborators.manage"]), "customers.write")).toBe("This is only possible from the partner account.");
    for (const permission of ["audit.read", "email.read", "embedding.read", "api_clients.write", "notifications.write"] as const) {
      expect(refusalOf(member, permission), permission).toBe("Only partner admins can do this.");
      expect(refusalOf(admin, permission), permission).toBeNull();
    }
  });

  it("workspace permissions: the role's permissions inside the customer account, never the partner role", () => {
    expect(refusalOf(inside(collaborator, ["workspace.view"]), "workspace.view")).toBeNull();
    expect(refusalOf(inside(admin, ["workspace.view"]), "workspace.collaborators.manage")).toBe("Your role in this account (Operator) does not allow this.");
    expect(refusalOf(inside(member, ["workspace.view", "collaborators.manage"]), "workspace.collaborators.manage")).toBeNull();
    expect(refusalOf(admin, "workspace.collaborators.manage")).toBe("This is only possible inside a customer account.");
    const ran = inside(member, ["workspace.view"], new Date(member.now.getTime() - 1000));
    expect(refusalOf(ran, "workspace.view")).toBe("Your time in this account has run out. Switch in again from the partner account.");
    // No access read yet: authorize reads it.
    expect(refusalOf(insideCustomer(member, customer), "workspace.view")).toBe("read access");
  });

  it("API clients: by scope, a write scope including its read; permissions without a scope refuse every client", () => {
    expect(refusalOf(client(["customers:write"]), "customers.read")).toBeNull();
    expect(refusalOf(client(["customers:read"]), "customers.write")).toBe("This API client lacks the customers:write permission.");
    expect(refusalOf(client(API_SCOPES), "audit.read")).toBe("API clients cannot do this.");
    expect(refusalOf(client(["collaborators:write"]), "collaborators.read")).toBeNull();
    expect(refusalOf(client(API_SCOPES), "workspace.collaborators.manage")).toBe("API clients cannot do this.");
    expect(refusalOf(admin, "collaborators.write")).toBe("Only API clients can do this.");
  });

  it("every permission refuses someone and allows someone (no row is open to all, none is closed to all)", () => {
    const callers: RequestContext[] = [
      admin,
      member,
      collaborator,
      inside(member, ["workspace.view", "recipes.edit", "recipes.run", "connections.manage", "collaborators.manage"]),
      client(API_SCOPES),
      client([]),
    ];
    for (const permission of PERMISSION_NAMES) {
      const answers = callers.map((ctx) => permits(ctx, permission));
      expect(answers, permission).toContain(true);
      expect(answers, permission).toContain(false);
    }
    const scopes = Object.values(PERMISSIONS).flatMap((rule) => ("scope" in rule ? [rule.scope as ApiScope] : []));
    expect(scopes.filter((scope) => !API_SCOPES.includes(scope))).toEqual([]);
  });

  it("throws the domain's FORBIDDEN with the refusal", async () => {
    expect(await refusal(authorize(member, "customers.write"))).toBe("Only partner admins can do this.");
    await expect(authorize(admin, "customers.write")).resolves.toBeUndefined();
  });

  it("inside a customer account without the access read, reads it from the database", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const home = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const analyst = await createUser(db, { name: "Andy Analyst" });
    await addDirectMember(db, acme.partner.id, home.id, analyst.id, SYSTEM_ROLE_IDS.analyst);
    const stranger = await createUser(db, { name: "Sam Stranger" });
    const at = (user: typeof analyst) => insideCustomer(personContext(acme.partner, user, { partnerRole: null }), home, null);
    await expect(authorize(at(analyst), "workspace.view")).resolves.toBeUndefined();
    expect(await refusal(authorize(at(analyst), "workspace.collaborators.manage"))).toMatch(/^Your role in this account \(.+\) does not allow this\.$/);
    expect(await refusal(authorize(at(stranger), "workspace.view"))).toBe("You no longer have access to this account.");
  });
});
