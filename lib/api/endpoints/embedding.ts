import "server-only";
import { z } from "zod";
import { addEmbeddingKey } from "@/lib/embedding/add-key";
import { retireEmbeddingKey } from "@/lib/embedding/retire-key";
import { embeddingSettings, type EmbeddingKeySummary } from "@/lib/embedding/settings";
import { DomainError } from "@/lib/errors";
import { defineEndpoint } from "../endpoint";
import { isoDateTime, okResponse, pathIdSchema, resultOf } from "../schemas";

const key = z.object({
  id: z.number().int(),
  fingerprint: z.string().describe("SHA-256 of the key's DER (SPKI) encoding, colon-separated hex."),
  bits: z.number().int(),
  created_at: isoDateTime,
});

const settings = z.object({
  embedded_vendor_id: z.string().describe("The vendor ID your tokens name in `sub` (`<vendor ID>:<customer>[:<member>]`)."),
  keys: z.array(key).describe("The active signing keys, oldest first: one, or two during a rotation."),
});

const toKey = (row: EmbeddingKeySummary): z.infer<typeof key> => ({
  id: row.id,
  fingerprint: row.fingerprint,
  bits: row.modulusBits,
  created_at: row.createdAt,
});

const tag = "Embedding";

export const getEmbeddingEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/embedding",
  tag,
  summary: "Get embedding settings",
  description: "The partner's embedded vendor ID and its active JWT signing keys (public keys only).",
  scope: "embedding:read",
  rateGroup: "embedding",
  response: resultOf(settings),
  async handler(ctx) {
    const { vendorId, keys } = await embeddingSettings(ctx);
    return { result: { embedded_vendor_id: vendorId, keys: keys.map(toKey) } };
  },
});

export const addEmbeddingKeyEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/embedding/keys",
  tag,
  summary: "Update JWT signing key",
  description:
    "Registers the RSA public key (PEM, at least 2048 bits) your app signs direct-link tokens with (RS256). With one key active, the new one is added next to it for a rotation; with two active, retire one first. Answers your embedded vendor ID.",
  scope: "embedding:write",
  rateGroup: "embedding",
  body: z.object({ public_key: z.string().max(16_384).describe("The public key: `-----BEGIN PUBLIC KEY-----` (or `RSA PUBLIC KEY`) PEM.") }),
  response: resultOf(z.object({ embedded_vendor_id: z.string(), key })),
  status: 201,
  async handler(ctx, { body }) {
    try {
      const added = await addEmbeddingKey(ctx, { publicKey: body.public_key });
      return { result: { embedded_vendor_id: added.vendorId, key: toKey(added.key) } };
    } catch (error) {
      // The command names its field as the console does; the API calls it public_key.
      if (error instanceof DomainError && error.fieldErrors.publicKey) {
        throw new DomainError(error.code, error.message, { public_key: error.fieldErrors.publicKey });
      }
      throw error;
    }
  },
});

export const retireEmbeddingKeyEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/embedding/keys/{id}",
  tag,
  summary: "Retire a JWT signing key",
  description: "Tokens signed with the key no longer sign anyone in. Sessions already open stay open until they end.",
  scope: "embedding:write",
  rateGroup: "embedding",
  params: z.object({ id: pathIdSchema.describe("The key's ID.") }),
  response: okResponse,
  async handler(ctx, { params }) {
    await retireEmbeddingKey(ctx, { id: params.id });
    return { result: "ok" };
  },
});

export const embeddingEndpoints = [getEmbeddingEndpoint, addEmbeddingKeyEndpoint, retireEmbeddingKeyEndpoint];
