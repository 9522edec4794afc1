import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { customers, partners, sessions } from "@/db/schema";
import { sessionSecretFromCookies } from "@/lib/auth/session-cookie";
import { hashSessionSecret } from "@/lib/auth/sign-in";
import { effectiveOrigins } from "@/lib/customers/origins";
import { getDatabase } from "@/lib/db";

/**
 * Who may frame the customer workspace the request's session is in (decision D3): the partner's iframe origins
 * followed by the customer's own; for a session opened by a direct link that named an origin, that origin alone. Nobody when the session is in no customer account, and when the origins cannot be
 * read (it fails closed). The proxy puts them in the page's `frame-ancestors` (lib/security/content-security-policy.ts).
 */
export async function workspaceFrameAncestors(cookie: (name: string) => string | undefined): Promise<string[]> {
  try {
    const secret = await sessionSecretFromCookies(cookie);
    if (!secret) return [];
    const [row] = await getDatabase()
      .select({ partner_origins: partners.iframeOrigins, customer_origins: customers.iframeOrigins, embedded_origin: sessions.embeddedOrigin })
      .from(sessions)
      .innerJoin(partners, eq(partners.id, sessions.partnerId))
      .innerJoin(customers, and(eq(customers.id, sessions.activeCustomerId), eq(customers.partnerId, sessions.partnerId)))
      .where(and(eq(sessions.idHash, hashSessionSecret(secret)), isNull(sessions.revokedAt)));
    if (!row) return [];
    // A session that began in an iframe on one origin (rule U28) may be framed by that origin only.
    return row.embedded_origin !== null ? [row.embedded_origin] : effectiveOrigins(row.partner_origins, row.customer_origins);
  } catch (error) {
    console.error(error);
    return [];
  }
}
