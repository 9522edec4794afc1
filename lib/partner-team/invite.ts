import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { partnerInvitations, partnerMembers, users } from "@/db/schema";
import { oneTimeToken } from "@/lib/auth/one-time-token";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { conflict } from "@/lib/errors";
import { queueTeamInvitationEmail, TEAM_INVITATION_PREFIX, TEAM_INVITATION_VALID_MS } from "./invitation-email";
import type { InviteTeamMemberInput } from "./schema";
import { authorize } from "@/lib/authorization/authorize";

/**
 * **Invite team member**: a pending invitation with a one-time link (kept as a hash, valid 7 days), emailed in the
 * same transaction. Someone already on the team, or already invited, is a conflict (resend the invitation instead).
 */
export async function inviteTeamMember(ctx: RequestContext, input: InviteTeamMemberInput): Promise<{ id: number }> {
  await authorize(ctx, "team.write");
  const email = input.email.trim().toLowerCase();
  return inPartnerScope(ctx, async (tx) => {
    const [member] = await tx
      .select({ id: users.id })
      .from(partnerMembers)
      .innerJoin(users, eq(users.id, partnerMembers.userId))
      .where(and(eq(partnerMembers.partnerId, ctx.partnerId), sql`lower(${users.email}) = ${email}`));
    if (member) {
      const message = `${email} is already on your team.`;
      throw conflict(message, { email: [message] });
    }
    const { token, hash } = oneTimeToken(TEAM_INVITATION_PREFIX);
    const [invitation] = await tx
      .insert(partnerInvitations)
      .values({
        partnerId: ctx.partnerId,
        email,
        role: input.role,
        tokenHash: hash,
        expiresAt: new Date(ctx.now.getTime() + TEAM_INVITATION_VALID_MS),
        invitedById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        createdAt: ctx.now,
        sentAt: ctx.now,
      })
      // The partial unique index on pending invitations answers a second invite, even a concurrent one.
      .onConflictDoNothing()
      .returning({ id: partnerInvitations.id });
    if (!invitation) {
      const message = `${email} already has a pending invitation: resend it instead.`;
      throw conflict(message, { email: [message] });
    }
    await queueTeamInvitationEmail(tx, ctx, { email, role: input.role, token });
    await recordAudit(tx, ctx, {
      action: "team.invite",
      targetType: "partner_invitation",
      targetId: invitation.id,
      changes: { email, role: { from: null, to: input.role } },
    });
    return { id: invitation.id };
  });
}

/** A pending invitation of the context's partner, locked for the rest of the transaction, or null. */
export function pendingInvitation(ctx: RequestContext, id: number) {
  return and(
    eq(partnerInvitations.id, id),
    eq(partnerInvitations.partnerId, ctx.partnerId),
    isNull(partnerInvitations.acceptedAt),
    isNull(partnerInvitations.revokedAt),
  );
}
