import "server-only";
import { eq } from "drizzle-orm";
import { partnerMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type PartnerRole, type RequestContext } from "@/lib/context";
import { keepOneAdmin, lockMember } from "./members";
import { authorize } from "@/lib/authorization/authorize";

/** **Change role** (Admin or Member). Takes effect at the person's next request; the last admin stays one. */
export async function changeTeamRole(ctx: RequestContext, input: { userId: number; role: PartnerRole }): Promise<{ userId: number; role: PartnerRole }> {
  await authorize(ctx, "team.write");
  return inPartnerScope(ctx, async (tx) => {
    const { member, admins } = await lockMember(tx, ctx, input.userId);
    if (member.role === input.role) return { userId: input.userId, role: input.role };
    if (input.role === "member") keepOneAdmin(member, admins, "made a Member");
    await tx.update(partnerMembers).set({ role: input.role }).where(eq(partnerMembers.id, member.id));
    await recordAudit(tx, ctx, {
      action: "team.role_change",
      targetType: "user",
      targetId: member.person.id,
      changes: { person: `${member.person.name} (${member.person.email})`, role: { from: member.role, to: input.role } },
    });
    return { userId: input.userId, role: input.role };
  });
}
