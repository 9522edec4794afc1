import "server-only";
import { sql } from "drizzle-orm";
import { sessionSecretFromCookies } from "@/lib/auth/session-cookie";
import { hashSessionSecret } from "@/lib/auth/sign-in";
import { getDatabase } from "@/lib/db";

/** `frame-ancestors` with exactly these origins, in order and once each; `'none'` when there are none. */
export function frameAncestorsPolicy(origins: readonly string[]): string {
  const unique = [...new Set(origins)];
  return `frame-ancestors ${unique.length > 0 ? unique.join(" ") : "'none'"}`;
}

/**
 * The policy of the customer workspace the request's session is in (decision D3): the partner's iframe origins
 * followed by the customer's own. Not framable at all when the session is in no customer account, and when the
 * origins cannot be read (it fails closed).
 */
export async function workspaceFramePolicy(cookie: (name: string) => string | undefined): Promise<string> {
  try {
    const secret = await sessionSecretFromCookies(cookie);
    if (!secret) return frameAncestorsPolicy([]);
    const [row] = await getDatabase().execute<{ partner_origins: string[]; customer_origins: string[] }>(sql`
      select p.iframe_origins as partner_origins, c.iframe_origins as customer_origins
        from sessions s
        join partners p on p.id = s.partner_id
        join customers c on c.id = s.active_customer_id and c.partner_id = s.partner_id
       where s.id_hash = ${hashSessionSecret(secret)} and s.revoked_at is null`);
    return frameAncestorsPolicy(row ? [...row.partner_origins, ...row.customer_origins] : []);
  } catch (error) {
    console.error(error);
    return frameAncestorsPolicy([]);
  }
}
