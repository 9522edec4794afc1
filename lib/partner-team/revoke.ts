import "server-only";
import { partnerInvitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { pendingInvitation } from "./invite";
import { authorize } from "@/lib/authorization/authorize";

/** **Revoke**: the invitation's link stops working at once. */
export async function revokeTeamInvitation(ctx: RequestContext, input: { id: number }): Promise<{ id: number }> {
  await authorize(ctx, "team.write");
  return inPartnerScope(ctx, async (tx) => {
    const [invitation] = await tx
      .update(partnerInvitations)
      .set({ revokedAt: ctx.now })
      .where(pendingInvitation(ctx, input.id))
      .returning({ id: partnerInvitations.id, email: partnerInvitations.email, role: partnerInvitations.role });
    if (!invitation) throw notFound("Invitation");
    await recordAudit(tx, ctx, {
      action: "team.invitation_revoke",
      targetType: "partner_invitation",
      targetId: invitation.id,
      changes: { email: invitation.email, role: { from: invitation.role, to: null } },
    });
    return { id: invitation.id };
  });
}
