import "server-only";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { publicUrl, renderEmail } from "@/lib/mail/render";

/** The email invite of seed 003, queued with the invitation: the one-time sign-up link to the customer's workspace. */
export async function queueWorkspaceInvitationEmail(
  tx: Queryable,
  ctx: RequestContext,
  invitation: { email: string; name: string; customerName: string; invitationPath: string },
) {
  const workspace = invitation.customerName || "a workspace";
  const inviter = ctx.actor.kind === "user" ? ctx.actor.name : ctx.partnerName || "An administrator";
  const message = renderEmail({
    subject: `${inviter} invited you to ${workspace}`,
    paragraphs: [
      `Hello ${invitation.name},`,
      `${inviter} invited you to collaborate in the ${workspace} workspace.`,
      "Open the link below to create your account and join.",
    ],
    action: { label: "Join the workspace", url: publicUrl(invitation.invitationPath) },
    footer: "The link works once and expires in 14 days. If you did not expect this invitation, ignore this email.",
  });
  await enqueueEmail(tx, { partnerId: ctx.partnerId, kind: "workspace_invitation", to: invitation.email, at: ctx.now, ...message });
}
