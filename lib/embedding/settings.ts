import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { embeddingKeys, partners } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { authorize } from "@/lib/authorization/authorize";

/** At most two active keys: the current one and, during a rotation, its successor. */
export const MAX_ACTIVE_KEYS = 2;

export interface EmbeddingKeySummary {
  id: number;
  fingerprint: string;
  modulusBits: number;
  createdAt: string;
}

export interface EmbeddingSettings {
  vendorId: string;
  /** The active keys, oldest first. */
  keys: EmbeddingKeySummary[];
}

const keyColumns = {
  id: embeddingKeys.id,
  fingerprint: embeddingKeys.fingerprint,
  modulusBits: embeddingKeys.modulusBits,
  createdAt: embeddingKeys.createdAt,
};

export function toKeySummary(row: { id: number; fingerprint: string; modulusBits: number; createdAt: Date }): EmbeddingKeySummary {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** The partner's active keys in the caller's partner-scoped transaction. */
export async function activeKeys(tx: Queryable, partnerId: number) {
  return tx
    .select(keyColumns)
    .from(embeddingKeys)
    .where(and(eq(embeddingKeys.partnerId, partnerId), isNull(embeddingKeys.retiredAt)))
    .orderBy(asc(embeddingKeys.createdAt), asc(embeddingKeys.id));
}

/** **Embedding**: the vendor ID a partner's tokens name, and its active signing keys. */
export async function embeddingSettings(ctx: RequestContext): Promise<EmbeddingSettings> {
  await authorize(ctx, "embedding.read");
  return inPartnerScope(ctx, async (tx) => {
    const [partner] = await tx.select({ vendorId: partners.embeddedVendorId }).from(partners).where(eq(partners.id, ctx.partnerId));
    return { vendorId: partner!.vendorId, keys: (await activeKeys(tx, ctx.partnerId)).map(toKeySummary) };
  });
}
