import "server-only";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";

/**
 * The cookie of an embedded session: next-auth's own session cookie (so every page reads it the one way,
 * lib/auth/session-cookie.ts), but with the attributes a cross-site iframe needs. Chromium sends a cookie to a
 * cross-site iframe only when it is `SameSite=None; Secure`, and keeps it where third-party cookies are blocked
 * only when it is `Partitioned` (CHIPS), kept per top-level site. `Secure` means HTTPS (browsers let `localhost`
 * through as a trustworthy origin): embedding needs the console served over HTTPS.
 */
const ATTRIBUTES = "Path=/; HttpOnly; Secure; SameSite=None; Partitioned";

/** next-auth names its cookie `__Secure-…` when it is served over HTTPS, and so do we. */
export function sessionCookieName(https: boolean): string {
  return https ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function embeddedSessionCookie(sessionSecret: string, person: { userId: number; name: string; email: string }, https: boolean): Promise<string> {
  const secret = env("NEXTAUTH_SECRET");
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: no session cookie can be made.");
  const value = await encode({
    token: { sid: sessionSecret, sub: String(person.userId), name: person.name, email: person.email },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `${sessionCookieName(https)}=${value}; Max-Age=${SESSION_MAX_AGE_SECONDS}; ${ATTRIBUTES}`;
}
