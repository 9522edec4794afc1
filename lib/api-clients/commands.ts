import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiClients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { DAY_MS } from "@/lib/time";
import type { CreateApiClientValues } from "./input";
import { generateToken, hashToken, visiblePrefix } from "./token";
import { authorize } from "@/lib/authorization/authorize";

export interface ApiClientSummary {
  id: number;
  name: string;
  scopes: string[];
  environmentTypes: string[];
  projectNames: string[];
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const summaryColumns = {
  id: apiClients.id,
  name: apiClients.name,
  scopes: apiClients.scopes,
  environmentTypes: apiClients.environmentTypes,
  projectNames: apiClients.projectNames,
  tokenPrefix: apiClients.tokenPrefix,
  createdAt: apiClients.createdAt,
  lastUsedAt: apiClients.lastUsedAt,
  expiresAt: apiClients.expiresAt,
  revokedAt: apiClients.revokedAt,
};

type SummaryRow = Pick<typeof apiClients.$inferSelect, keyof typeof summaryColumns>;

function toSummary(row: SummaryRow): ApiClientSummary {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return { ...row, createdAt: row.createdAt.toISOString(), lastUsedAt: iso(row.lastUsedAt), expiresAt: iso(row.expiresAt), revokedAt: iso(row.revokedAt) };
}

/** Creates a client and its token. The token is returned this once; only its hash and a short prefix are kept. */
export async function createApiClient(ctx: RequestContext, input: CreateApiClientValues): Promise<{ client: ApiClientSummary; token: string }> {
  await authorize(ctx, "api_clients.write");
  const token = generateToken();
  return inPartnerScope(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiClients)
      .values({
        partnerId: ctx.partnerId,
        name: input.name,
        scopes: input.scopes,
        environmentTypes: input.environmentTypes,
        projectNames: input.projectNames,
        tokenHash: hashToken(token),
        tokenPrefix: visiblePrefix(token),
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        createdAt: ctx.now,
        expiresAt: input.expiresInDays === null ? null : new Date(ctx.now.getTime() + input.expiresInDays * DAY_MS),
      })
      .returning(summaryColumns);
    await recordAudit(tx, ctx, {
      action: "api_client.created",
      targetType: "api_client",
      targetId: row!.id,
      changes: {
        name: { from: null, to: input.name },
        scopes: { from: null, to: input.scopes },
        environmentTypes: { from: null, to: input.environmentTypes },
        projectNames: { from: null, to: input.projectNames },
      },
    });
    return { client: toSummary(row!), token };
  });
}

/** Revokes a client's token at once: its next request answers 401. Revoking twice changes nothing. */
export async function revokeApiClient(ctx: RequestContext, id: number): Promise<ApiClientSummary> {
  await authorize(ctx, "api_clients.write");
  return inPartnerScope(ctx, async (tx) => {
    const [existing] = await tx
      .select(summaryColumns)
      .from(apiClients)
      .where(and(eq(apiClients.id, id), eq(apiClients.partnerId, ctx.partnerId)));
    if (!existing) throw notFound("API client");
    if (existing.revokedAt) return toSummary(existing);
    const [row] = await tx
      .update(apiClients)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiClients.id, id), eq(apiClients.partnerId, ctx.partnerId), isNull(apiClients.revokedAt)))
      .returning(summaryColumns);
    await recordAudit(tx, ctx, {
      action: "api_client.revoked",
      targetType: "api_client",
      targetId: id,
      changes: { revokedAt: { from: null, to: ctx.now.toISOString() } },
    });
    return toSummary(row!);
  });
}

export async function listApiClients(ctx: RequestContext): Promise<ApiClientSummary[]> {
  await authorize(ctx, "api_clients.read");
  return inPartnerScope(ctx, async (tx) => {
    const rows = await tx
      .select(summaryColumns)
      .from(apiClients)
      .where(eq(apiClients.partnerId, ctx.partnerId))
      .orderBy(desc(apiClients.createdAt), desc(apiClients.id));
    return rows.map(toSummary);
  });
}
