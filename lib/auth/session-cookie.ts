import "server-only";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The session secret inside next-auth's encrypted cookie, or null. Takes a cookie reader so that pages (next/headers)
 * and the proxy (the request's cookies) read it the same way.
 */
export async function sessionSecretFromCookies(cookie: (name: string) => string | undefined): Promise<string | null> {
  const secret = env("NEXTAUTH_SECRET");
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookie(name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (payload && typeof payload.sid === "string") return payload.sid;
    } catch {
      return null;
    }
  }
  return null;
}
