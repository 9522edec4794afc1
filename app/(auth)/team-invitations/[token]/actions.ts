"use server";

import { failureOf, type ActionResult } from "@/lib/transport/action";
import { getSessionContext, requestMeta } from "@/lib/auth/session";
import { acceptTeamInvitation } from "@/lib/partner-team/accept";

/**
 * Accepts a team invitation with its link: as the signed-in person (who must have the invited email), or by
 * signing up. The command checks the input with zod and the link; the link is the key.
 */
export async function acceptTeamInvitationLink(input: unknown): Promise<ActionResult<{ email: string; signedUp: boolean }>> {
  try {
    const ctx = await getSessionContext();
    const signedIn = ctx?.actor.kind === "user" ? { userId: ctx.actor.userId, email: ctx.actor.email } : null;
    return { ok: true, data: await acceptTeamInvitation(input, signedIn, await requestMeta()) };
  } catch (error) {
    return failureOf(error);
  }
}
