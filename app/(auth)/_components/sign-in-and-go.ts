"use client";

import type { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

/**
 * After an account is made or its password set: signs in with what was just typed and goes to `to`, or to
 * `otherwise` when the automatic sign-in failed (the account exists; the person signs in by hand).
 */
export async function signInAndGo(
  router: ReturnType<typeof useRouter>,
  credentials: { email: string; password: string },
  { to, otherwise }: { to: string; otherwise: string },
) {
  const signedIn = await signIn("credentials", { ...credentials, redirect: false }).catch(() => null);
  router.replace(!signedIn || signedIn.error ? otherwise : to);
  // A new session: every page the router keeps was rendered without it, and no server action revalidated them.
  router.refresh();
}
