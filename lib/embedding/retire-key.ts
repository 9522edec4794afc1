import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { embeddingKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { toKeySummary, type EmbeddingKeySummary } from "./settings";
import { authorize } from "@/lib/authorization/authorize";

/**
 * **Retire key**: a token signed with it no longer signs anyone in, from the next direct link on. Sessions already
 * open stay open (they were checked when they began). Retiring the last key turns embedded sign-in off. A key of
 * another partner, or one already retired, is not found.
 */
export async function retireEmbeddingKey(ctx: RequestContext, input: { id: number }): Promise<EmbeddingKeySummary> {
  await authorize(ctx, "embedding.write");
  return inPartnerScope(ctx, async (tx) => {
    const [row] = await tx
      .update(embeddingKeys)
      .set({ retiredAt: ctx.now })
      .where(and(eq(embeddingKeys.id, input.id), eq(embeddingKeys.partnerId, ctx.partnerId), isNull(embeddingKeys.retiredAt)))
      .returning({ id: embeddingKeys.id, fingerprint: embeddingKeys.fingerprint, modulusBits: embeddingKeys.modulusBits, createdAt: embeddingKeys.createdAt });
    if (!row) throw notFound("Signing key");
    await recordAudit(tx, ctx, {
      action: "embedding.key_retired",
      targetType: "embedding_key",
      targetId: row.id,
      changes: { fingerprint: row.fingerprint, retiredAt: { from: null, to: ctx.now.toISOString() } },
    });
    return toKeySummary(row);
  });
}
