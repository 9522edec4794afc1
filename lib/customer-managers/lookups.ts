import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { customerManagers, partnerMembers, roles, users } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { CustomerSelection } from "./schema";

export interface Person {
  id: number;
  name: string;
  email: string;
}

/** How a person is named in audit events: "Sam Patel (sam@acme.example)". */
export function personLabel(person: Person): string {
  return `${person.name} (${person.email})`;
}

/** "All customers" or "3 customers", as the audit log says what a manager covers. */
export function describeSelection(selection: CustomerSelection): string {
  if (selection === "all") return "All customers";
  return plural(selection.length, "customer");
}

/** A member of the partner's own team (rule C2), or a NOT_FOUND naming the field. */
export async function requireTeamMember(tx: Queryable, ctx: RequestContext, userId: number): Promise<Person> {
  const [person] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(partnerMembers)
    .innerJoin(users, eq(users.id, partnerMembers.userId))
    .where(and(eq(partnerMembers.partnerId, ctx.partnerId), eq(partnerMembers.userId, userId)));
  if (!person) throw new DomainError("NOT_FOUND", "Team member not found", { userId: ["Choose a member of your partner team."] });
  return person;
}

/** A role a manager can have: a system role or one of the partner's inheritable roles (rule C3). */
export async function requireManagerRole(tx: Queryable, ctx: RequestContext, roleId: number): Promise<{ id: number; name: string }> {
  const [role] = await tx
    .select({ id: roles.id, name: roles.name })
    .from(roles)
    .where(
      and(
        eq(roles.id, roleId),
        or(and(eq(roles.kind, "system"), isNull(roles.partnerId)), and(eq(roles.kind, "inheritable"), eq(roles.partnerId, ctx.partnerId))),
      ),
    );
  if (!role) throw new DomainError("NOT_FOUND", "Role not found", { roleId: ["Choose one of the roles offered."] });
  return role;
}

/** A manager of the context's partner, locked for the rest of the transaction, or NOT_FOUND. */
export async function requireManagerForUpdate(tx: Queryable, ctx: RequestContext, id: number) {
  const mine = and(eq(customerManagers.id, id), eq(customerManagers.partnerId, ctx.partnerId));
  // The row alone is locked first, then read with its role: locked through the join, a manager whose role a
  // concurrent edit changed is checked again against the role read before the wait, and drops out ("not found"
  // to the second of two admins saving at once).
  await tx.select({ id: customerManagers.id }).from(customerManagers).where(mine).for("update");
  const [manager] = await tx
    .select({
      id: customerManagers.id,
      roleId: customerManagers.roleId,
      roleName: roles.name,
      manageAll: customerManagers.manageAll,
      person: { id: users.id, name: users.name, email: users.email },
    })
    .from(customerManagers)
    .innerJoin(users, eq(users.id, customerManagers.userId))
    .innerJoin(roles, eq(roles.id, customerManagers.roleId))
    .where(mine);
  if (!manager) throw new DomainError("NOT_FOUND", "Customer manager not found");
  return manager;
}
