"use server";

import { failureOf, type ActionResult } from "@/lib/actions/console-action";
import { getSessionContext } from "@/lib/auth/session";
import { returnToPartnerAccount } from "@/lib/workspace-access/switch";

/** **Return to partner account**: ends the switch (audited) for the session that makes the request. */
export async function returnToPartner(): Promise<ActionResult<null>> {
  const ctx = await getSessionContext();
  // Like every action, refused without a session (the authorization matrix: anonymous is always refused).
  if (!ctx) return { ok: false, error: "Your session has ended. Sign in again." };
  // Already out (the switch ran out, or access was revoked): the person is where it wanted to be.
  if (ctx.account.kind !== "customer") return { ok: true, data: null };
  try {
    await returnToPartnerAccount(ctx);
    return { ok: true, data: null };
  } catch (error) {
    return failureOf(error);
  }
}
