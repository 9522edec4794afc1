import { describe, expect, it } from "vitest";
import * as members from "@/app/api/members/route";
import * as roles from "@/app/api/roles/route";
import { roles as rolesTable } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { createPartner } from "@/tests/support/factories";

describe("roles and team API", () => {
  it("GET /api/roles lists the system roles and only this partner's inheritable roles", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    await db.insert(rolesTable).values([
      { partnerId: acme.partner.id, name: "Customer Admin", kind: "inheritable" },
      { partnerId: globex.partner.id, name: "Globex Only", kind: "inheritable" },
    ]);
    const response = await call(roles.GET, "GET", { token: await apiToken(acme.partner, acme.admin) });
    const items = (response.body as { result: { items: { id: unknown; name: string; system: boolean }[] } }).result.items;
    for (const role of items) expect(Object.keys(role).sort()).toEqual(["id", "name", "system"]);
    expect(items).toContainEqual({ id: expect.any(Number), name: "Customer Admin", system: false });
    expect(items.some((role) => role.system && role.name === "Admin")).toBe(true);
    expect(items.map((role) => role.name)).not.toContain("Globex Only");
  });

  it("GET /api/members lists the partner's own team with id, name, email, avatar_url and role", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    await createPartner(db);
    const response = await call(members.GET, "GET", { token: await apiToken(acme.partner, acme.admin) });
    expect(response.body).toEqual({
      result: { items: [{ id: acme.admin.id, name: acme.admin.name, email: acme.admin.email, avatar_url: "", role: "admin" }] },
    });
  });
});
