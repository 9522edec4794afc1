import "server-only";
import { eq } from "drizzle-orm";
import { embeddingKeys, partners } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { conflict, invalid } from "@/lib/errors";
import type { AddEmbeddingKeyInput } from "./input";
import { parsePublicKey } from "./public-key";
import { activeKeys, MAX_ACTIVE_KEYS, toKeySummary, type EmbeddingKeySummary } from "./settings";
import { authorize } from "@/lib/authorization/authorize";

/**
 * **Add key** ("Update JWT signing key"): registers an RSA public key the partner's app signs direct links with.
 * With one key active it becomes the second (a rotation: both verify until the old one is retired); with two
 * active it is refused. Answers the partner's embedded vendor ID with the key.
 */
export async function addEmbeddingKey(ctx: RequestContext, input: AddEmbeddingKeyInput): Promise<{ key: EmbeddingKeySummary; vendorId: string }> {
  await authorize(ctx, "embedding.write");
  const parsed = parsePublicKey(input.publicKey);
  if ("error" in parsed) throw invalid(parsed.error, { publicKey: [parsed.error] });
  const { key } = parsed;
  return inPartnerScope(ctx, async (tx) => {
    // One rotation at a time: the partner row is the lock that keeps two concurrent adds from making three keys.
    const [partner] = await tx.select({ vendorId: partners.embeddedVendorId }).from(partners).where(eq(partners.id, ctx.partnerId)).for("update");
    const active = await activeKeys(tx, ctx.partnerId);
    if (active.some((existing) => existing.fingerprint === key.fingerprint)) {
      throw conflict("This key is already active.", { publicKey: ["This key is already active."] });
    }
    if (active.length >= MAX_ACTIVE_KEYS) {
      const message = `${MAX_ACTIVE_KEYS} keys are active already: retire the old one before adding another.`;
      throw conflict(message, { publicKey: [message] });
    }
    const [row] = await tx
      .insert(embeddingKeys)
      .values({
        partnerId: ctx.partnerId,
        publicKeyPem: key.spkiPem,
        fingerprint: key.fingerprint,
        modulusBits: key.modulusBits,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        createdAt: ctx.now,
      })
      .returning({ id: embeddingKeys.id, fingerprint: embeddingKeys.fingerprint, modulusBits: embeddingKeys.modulusBits, createdAt: embeddingKeys.createdAt });
    await recordAudit(tx, ctx, {
      action: "embedding.key_added",
      targetType: "embedding_key",
      targetId: row!.id,
      changes: {
        fingerprint: { from: null, to: key.fingerprint },
        bits: { from: null, to: key.modulusBits },
        activeKeys: { from: active.length, to: active.length + 1 },
      },
    });
    return { key: toKeySummary(row!), vendorId: partner!.vendorId };
  });
}
