import "server-only";
import { eq } from "drizzle-orm";
import { partnerInvitations } from "@/db/schema";
import { oneTimeToken } from "@/lib/auth/one-time-token";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { queueTeamInvitationEmail, TEAM_INVITATION_PREFIX, TEAM_INVITATION_VALID_MS } from "./invitation-email";
import { pendingInvitation } from "./invite";
import { authorize } from "@/lib/authorization/authorize";

/** **Resend**: a new link (the old one stops working) for 7 more days, emailed again. */
export async function resendTeamInvitation(ctx: RequestContext, input: { id: number }): Promise<{ id: number }> {
  await authorize(ctx, "team.write");
  return inPartnerScope(ctx, async (tx) => {
    const [invitation] = await tx
      .select({ id: partnerInvitations.id, email: partnerInvitations.email, role: partnerInvitations.role })
      .from(partnerInvitations)
      .where(pendingInvitation(ctx, input.id))
      .for("update");
    if (!invitation) throw notFound("Invitation");
    const { token, hash } = oneTimeToken(TEAM_INVITATION_PREFIX);
    const expiresAt = new Date(ctx.now.getTime() + TEAM_INVITATION_VALID_MS);
    await tx.update(partnerInvitations).set({ tokenHash: hash, expiresAt, sentAt: ctx.now }).where(eq(partnerInvitations.id, invitation.id));
    await queueTeamInvitationEmail(tx, ctx, { email: invitation.email, role: invitation.role, token });
    await recordAudit(tx, ctx, {
      action: "team.invitation_resend",
      targetType: "partner_invitation",
      targetId: invitation.id,
      changes: { email: invitation.email, expiresAt: { to: expiresAt.toISOString() } },
    });
    return { id: invitation.id };
  });
}
