"use server";

import { cookies } from "next/headers";
import { failureOf, fieldErrorsOf, type ActionResult } from "@/lib/transport/action";
import { getSessionContext } from "@/lib/auth/session";
import { sessionSecretFromCookies } from "@/lib/auth/session-cookie";
import { revokeSession } from "@/lib/auth/session-store";
import { sessionCookieName } from "@/lib/embedding/session-cookie";
import { unstorableTextErrors } from "@/lib/errors";
import { takeReturnPath } from "@/lib/workspace-access/return-path";
import { returnToPartnerAccount, switchToAnotherCustomer } from "@/lib/workspace-access/switch";
import { switchAccountSchema, type SwitchAccountInput } from "@/lib/workspace-access/switch-schema";

/**
 * **Return to partner account**: ends the switch (audited) for the session that makes the request, and answers the
 * page the switch was made from, to go back to (issue 12).
 */
export async function returnToPartner(): Promise<ActionResult<{ returnTo: string }>> {
  const ctx = await getSessionContext();
  // Like every action, refused without a session (the authorization matrix: anonymous is always refused).
  if (!ctx) return { ok: false, error: "Your session has ended. Sign in again." };
  try {
    // Already out (the switch ran out, or access was revoked): the person is where it wanted to be.
    if (ctx.account.kind === "customer") await returnToPartnerAccount(ctx);
    return { ok: true, data: { returnTo: await takeReturnPath() } };
  } catch (error) {
    return failureOf(error);
  }
}

/**
 * Switches from the customer account the person is in straight into another one it may enter (issue 12): both
 * the end of the first switch and the start of the second are audited. Only a switch moves on: a customer's own
 * collaborator and an embedded session are refused, as is anyone in the partner account (it switches from there).
 */
export async function switchToAnotherAccount(input: SwitchAccountInput): Promise<ActionResult<{ customerName: string; expiresAt: string }>> {
  const ctx = await getSessionContext();
  if (!ctx) return { ok: false, error: "Your session has ended. Sign in again." };
  if (ctx.account.kind !== "customer" || ctx.account.switchExpiresAt === null || ctx.account.embedded) {
    return { ok: false, error: "You are not switched into a customer account." };
  }
  const parsed = switchAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need your attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  const unstorable = unstorableTextErrors(parsed.data);
  if (Object.keys(unstorable).length > 0) return { ok: false, error: "Some fields need your attention.", fieldErrors: unstorable };
  try {
    const switched = await switchToAnotherCustomer(ctx, parsed.data);
    return { ok: true, data: { customerName: switched.customerName, expiresAt: switched.expiresAt.toISOString() } };
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
