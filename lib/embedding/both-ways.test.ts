import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as keysRoute from "@/app/api/embedding/keys/route";
import * as keyRoute from "@/app/api/embedding/keys/[id]/route";
import { embeddingKeys } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { bothWaysOn, eventsSince, labelled } from "@/tests/support/both-ways";
import { adminContext, createPartner } from "@/tests/support/factories";
import { rsaKeyPair } from "@/tests/support/rsa-keys";
import { addEmbeddingKey } from "./add-key";
import { retireEmbeddingKey } from "./retire-key";

/**
 * Adding and retiring a JWT signing key on the Embedding page and through `POST /api/embedding/keys` and
 * `DELETE /api/embedding/keys/:id` (issue 13), once each way on two partners alike, each with the same key already
 * active: the keys' rows and the audit events are compared field by field. What differs by design is left out: IDs,
 * moments, the actor (a person or an API client, also as the key's `createdById`) and how it acted.
 */
const active = rsaKeyPair();
const added = rsaKeyPair();

async function partnerAlike() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const ctx = adminContext(acme.partner, acme.admin);
  const { key } = await addEmbeddingKey(ctx, { publicKey: active.publicPem });
  const token = await apiToken(acme.partner, acme.admin, { scopes: ["embedding:write"] });
  return { db, acme, ctx, token, activeKeyId: key.id };
}
type Partner = Awaited<ReturnType<typeof partnerAlike>>;

async function written(p: Partner, since: number) {
  const keys = await p.db
    .select({
      id: embeddingKeys.id,
      publicKeyPem: embeddingKeys.publicKeyPem,
      fingerprint: embeddingKeys.fingerprint,
      modulusBits: embeddingKeys.modulusBits,
      retired: sql<boolean>`${embeddingKeys.retiredAt} is not null`,
    })
    .from(embeddingKeys)
    .where(eq(embeddingKeys.partnerId, p.acme.partner.id))
    .orderBy(embeddingKeys.id);
  // Each key by its position, the one thing the two partners share; a retirement's moment by whether it is there.
  const ids = new Map(keys.map((key, index) => [key.id, `key ${index}`]));
  const events = (await eventsSince(p.db, p.acme.partner.id, since)).map((event) => {
    const changes = event.changes as { retiredAt?: { from: unknown; to: unknown } };
    return changes.retiredAt ? { ...event, changes: { ...changes, retiredAt: { from: changes.retiredAt.from, to: typeof changes.retiredAt.to } } } : event;
  });
  return labelled(
    { keys: keys.map((key) => ({ ...key, id: ids.get(key.id) })), events },
    { ids: { partner: new Map([[p.acme.partner.id, "partner"]]), embedding_key: ids } },
  );
}

const bothWays = bothWaysOn(partnerAlike, written);

describe("signing keys, changed on the Embedding page and through the API", () => {
  it("add a key: the same second key and audit event", async () => {
    const written = await bothWays({
      console: (p) => addEmbeddingKey(p.ctx, { publicKey: added.publicPem }),
      api: (p) => call(keysRoute.POST, "POST", { token: p.token, body: { public_key: added.publicPem } }),
    });
    expect(written.keys).toMatchObject([
      { id: "key 0", retired: false },
      { id: "key 1", modulusBits: 2048, retired: false },
    ]);
    expect(written.events).toEqual([
      expect.objectContaining({
        action: "embedding.key_added",
        targetType: "embedding_key",
        targetId: "key 1",
        changes: { fingerprint: { from: null, to: written.keys[1]!.fingerprint }, bits: { from: null, to: 2048 }, activeKeys: { from: 1, to: 2 } },
      }),
    ]);
  });

  it("retire a key: the same key retired and audit event", async () => {
    const written = await bothWays({
      console: (p) => retireEmbeddingKey(p.ctx, { id: p.activeKeyId }),
      api: (p) => call(keyRoute.DELETE, "DELETE", { token: p.token, params: { id: String(p.activeKeyId) } }),
    });
    expect(written.keys).toMatchObject([{ id: "key 0", retired: true }]);
    expect(written.events).toEqual([
      expect.objectContaining({
        action: "embedding.key_retired",
        targetId: "key 0",
        changes: { fingerprint: written.keys[0]!.fingerprint, retiredAt: { from: null, to: "string" } },
      }),
    ]);
  });
});
