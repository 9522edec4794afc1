import "server-only";
import type { PartnerRole, RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { publicUrl, renderEmail } from "@/lib/mail/render";
import { DAY_MS } from "@/lib/time";
import { PARTNER_ROLE_LABELS } from "./schema";

/** How long a team invitation link can be used. */
export const TEAM_INVITATION_VALID_MS = 7 * DAY_MS;
export const TEAM_INVITATION_PREFIX = "pctinv_";

/** Queues the invitation email, with the one-time link, in the transaction that made or renewed the invitation. */
export async function queueTeamInvitationEmail(tx: Queryable, ctx: RequestContext, invitation: { email: string; role: PartnerRole; token: string }) {
  const partner = ctx.partnerName || "your partner account";
  const inviter = ctx.actor.kind === "user" ? ctx.actor.name : ctx.partnerName;
  const message = renderEmail({
    subject: `${inviter} invited you to join ${partner} on the partner console`,
    paragraphs: [
      "Hello,",
      `${inviter} invited you to join the team of ${partner} on the partner console, as ${PARTNER_ROLE_LABELS[invitation.role]}.`,
      "Open the link below to accept: you choose your name and a password if you have no account yet.",
    ],
    action: { label: "Accept invitation", url: publicUrl(`/team-invitations/${invitation.token}`) },
    footer: "The link works once and expires in 7 days. If you did not expect this invitation, ignore this email.",
  });
  await enqueueEmail(tx, { partnerId: ctx.partnerId, kind: "partner_invitation", to: invitation.email, at: ctx.now, ...message });
}
