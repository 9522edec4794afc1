/**
 * The console's server actions called as the browser calls them: Next's request APIs stood in by a cookie jar that
 * carries a real next-auth session cookie, so that the real guard reads the real session. `vi.mock` works per file:
 * a test file stands in for `next/headers` with `nextHeadersStandIn` and for `next/cache` with `nextCacheStandIn`,
 * imports the actions afterwards (`await import`), and signs in with `presentConsoleSession`.
 */
import { encode } from "next-auth/jwt";
import { sessionSecretOf } from "./contexts";

const jar = new Map<string, string>();
const SECRET = "vitest-secret-for-console-sessions";

export function nextHeadersStandIn() {
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: () => undefined,
      delete: () => undefined,
    }),
    headers: async () => new Headers({ "user-agent": "vitest" }),
  };
}

export function nextCacheStandIn() {
  return { revalidatePath: () => undefined, revalidateTag: () => undefined };
}

/** Sends the following server action calls with the cookie of session `idHash` (made by `openSession`). */
export async function presentConsoleSession(idHash: string): Promise<void> {
  process.env.NEXTAUTH_SECRET ??= SECRET;
  jar.clear();
  const token = await encode({ token: { sid: sessionSecretOf(idHash) }, secret: process.env.NEXTAUTH_SECRET });
  jar.set("next-auth.session-token", token);
}
