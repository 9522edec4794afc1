"use server";

import { cookies } from "next/headers";
import { failureOf, type ActionResult } from "@/lib/actions/console-action";
import { getSessionContext } from "@/lib/auth/session";
import { sessionSecretFromCookies } from "@/lib/auth/session-cookie";
import { revokeSession } from "@/lib/auth/session-store";
import { sessionCookieName } from "@/lib/embedding/session-cookie";
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

/**
 * **Sign out** of a session opened by a partner's direct link, inside its iframe: next-auth's sign-out needs its
 * CSRF cookie, which a cross-site iframe does not send (SameSite=Lax). Ends the session (audited, the origin
 * forgotten) and deletes the partitioned cookie with the attributes it was set with.
 */
export async function signOutOfEmbeddedSession(): Promise<ActionResult<null>> {
  const jar = await cookies();
  const secret = await sessionSecretFromCookies((name) => jar.get(name)?.value);
  if (!secret) return { ok: false, error: "Your session has ended. Sign in again." };
  try {
    await revokeSession(secret);
    for (const name of [sessionCookieName(true), sessionCookieName(false)]) {
      if (jar.has(name)) jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, secure: true, sameSite: "none", partitioned: true });
    }
    return { ok: true, data: null };
  } catch (error) {
    return failureOf(error);
  }
}
