import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { roles } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { invalid } from "@/lib/errors";

/**
 * The role a workspace member may be given by name: a system role, one of the partner's inheritable roles, or a
 * custom role of that workspace. An unknown name is a field error naming `field`.
 */
export async function workspaceRoleByName(
  tx: Queryable,
  partnerId: number,
  customerId: number,
  name: string,
  field = "roleName",
): Promise<{ id: number; name: string }> {
  const [role] = await tx
    .select({ id: roles.id, name: roles.name })
    .from(roles)
    .where(
      and(
        eq(roles.name, name),
        or(
          and(eq(roles.kind, "system"), isNull(roles.partnerId)),
          and(eq(roles.kind, "inheritable"), eq(roles.partnerId, partnerId)),
          and(eq(roles.kind, "custom"), eq(roles.partnerId, partnerId), eq(roles.customerId, customerId)),
        ),
      ),
    )
    .orderBy(roles.id)
    .limit(1);
  if (!role) throw invalid(`No role named "${name}" in this workspace.`, { [field]: [`No role named "${name}".`] });
  return role;
}
