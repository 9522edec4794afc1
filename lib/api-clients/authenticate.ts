import "server-only";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { apiClients, partners } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { againIfUnreachable } from "@/lib/db/errors";
import { hashToken, TOKEN_PREFIX } from "./token";
import { MINUTE_MS } from "@/lib/time";

const LAST_USED_RESOLUTION_MS = MINUTE_MS;

/**
 * The context of the API client a bearer token belongs to, or null for an unknown, revoked or expired token.
 * `last_used_at` is written at most once a minute per client, so that a busy client does not write on every call.
 */
export async function authenticateToken(token: string, meta: { now: Date; ip: string | null; userAgent: string | null }): Promise<RequestContext | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDatabase();
  const [row] = await againIfUnreachable(() =>
    db
      .select({
        id: apiClients.id,
        name: apiClients.name,
        scopes: apiClients.scopes,
        partnerId: apiClients.partnerId,
        partnerName: partners.name,
        lastUsedAt: apiClients.lastUsedAt,
      })
      .from(apiClients)
      .innerJoin(partners, eq(partners.id, apiClients.partnerId))
      .where(
        and(eq(apiClients.tokenHash, hashToken(token)), isNull(apiClients.revokedAt), or(isNull(apiClients.expiresAt), gt(apiClients.expiresAt, meta.now))),
      ),
  );
  if (!row) return null;
  if (!row.lastUsedAt || meta.now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(meta.now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiClients)
      .set({ lastUsedAt: meta.now })
      .where(and(eq(apiClients.id, row.id), or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, threshold))));
  }
  return {
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    actor: { kind: "api_client", apiClientId: row.id, name: row.name, scopes: row.scopes },
    account: { kind: "partner" },
    now: meta.now,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
}

/** The environments and projects a client may reach in customer workspaces (rule A10). */
export async function apiClientReach(apiClientId: number): Promise<{ environmentTypes: string[]; projectNames: string[] }> {
  const [row] = await getDatabase()
    .select({ environmentTypes: apiClients.environmentTypes, projectNames: apiClients.projectNames })
    .from(apiClients)
    .where(eq(apiClients.id, apiClientId));
  return row ?? { environmentTypes: [], projectNames: [] };
}
