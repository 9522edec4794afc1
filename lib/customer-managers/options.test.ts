/** The Role select of Assign customer manager: the system roles, then this partner's inheritable ones (rule C3). */
import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { adminContext, createPartner } from "@/tests/support/factories";
import { listManagerRoles } from "./options";

describe("listManagerRoles", () => {
  it("lists the system roles, then the partner's inheritable ones by name, and no other partner's or workspace's", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const [zeta, alpha] = await db
      .insert(roles)
      .values([
        { partnerId: acme.partner.id, name: "Zeta reviewers", kind: "inheritable" },
        { partnerId: acme.partner.id, name: "alpha operators", kind: "inheritable" },
        { partnerId: globex.partner.id, name: "Globex only", kind: "inheritable" },
      ])
      .returning();
    const listed = await listManagerRoles(adminContext(acme.partner, acme.admin));
    const system = listed.filter((role) => role.kind === "system");
    expect(system.length).toBeGreaterThan(0);
    expect(listed.slice(system.length)).toEqual([
      { id: alpha!.id, name: "alpha operators", kind: "inheritable" },
      { id: zeta!.id, name: "Zeta reviewers", kind: "inheritable" },
    ]);
    expect(listed.some((role) => role.name === "Globex only")).toBe(false);
  });
});
