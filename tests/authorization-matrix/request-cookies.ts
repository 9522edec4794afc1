/**
 * The cookies and headers of the request being simulated. The test stands in for `next/headers` with these, so
 * that pages, server actions and route handlers read a real next-auth session cookie through the real session code.
 */
import { encode } from "next-auth/jwt";
import { sessionSecretOf } from "@/tests/support/contexts";

export const cookieJar = new Map<string, string>();
export const requestHeaders = () => new Headers({ "user-agent": "authorization-matrix", "x-forwarded-for": "198.51.100.7" });

export const NEXTAUTH_TEST_SECRET = "authorization-matrix-secret";

/** Sends the following calls with the cookie of session `idHash` (made by openSession), or with none. */
export async function presentSession(idHash: string | null): Promise<void> {
  cookieJar.clear();
  if (idHash === null) return;
  const token = await encode({ token: { sid: sessionSecretOf(idHash) }, secret: NEXTAUTH_TEST_SECRET });
  cookieJar.set("next-auth.session-token", token);
}
