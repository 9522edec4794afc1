import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as keysRoute from "@/app/api/embedding/keys/route";
import * as keyRoute from "@/app/api/embedding/keys/[id]/route";
import * as embeddingRoute from "@/app/api/embedding/route";
import { auditEvents, partners } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createTeamMember, personContext } from "@/tests/support/contexts";
import { adminContext, createPartner } from "@/tests/support/factories";
import { rsaKeyPair } from "@/tests/support/rsa-keys";
import { addEmbeddingKey } from "./add-key";
import { parsePublicKey } from "./public-key";
import { retireEmbeddingKey } from "./retire-key";
import { embeddingSettings } from "./settings";

const first = rsaKeyPair();
const second = rsaKeyPair();
const third = rsaKeyPair();

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parsePublicKey", () => {
  it("accepts an RSA public key of 2048 bits as SPKI or PKCS#1, with the SHA-256 fingerprint of its DER", () => {
    const spki = parsePublicKey(first.publicPem);
    const pkcs1Pem = createPublicKey(first.publicPem).export({ type: "pkcs1", format: "pem" }).toString();
    const pkcs1 = parsePublicKey(`\n  ${pkcs1Pem}\n`);
    if (!("key" in spki) || !("key" in pkcs1)) throw new Error("refused a good key");
    const der = createPublicKey(first.publicPem).export({ type: "spki", format: "der" });
    const expected = createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)!.join(":");
    expect(spki.key).toEqual({ spkiPem: first.publicPem, fingerprint: expected, modulusBits: 2048 });
    expect(pkcs1.key).toEqual(spki.key);
  });

  it("refuses everything else, naming the problem", () => {
    const error = (input: string) => {
      const parsed = parsePublicKey(input);
      return "error" in parsed ? parsed.error : null;
    };
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const ed = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    const privatePem = first.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const pkcs1Private = first.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    expect(error("")).toMatch(/Paste the public key/);
    expect(error("ssh-rsa AAAAB3NzaC1yc2E")).toMatch(/not a PEM key/);
    expect(error(small)).toBe("This RSA key has 1024 bits: use one of at least 2048 bits.");
    expect(error(ec)).toMatch(/This is an EC key: .*RS256/);
    expect(error(ed)).toMatch(/This is an ED25519 key/);
    expect(error(privatePem)).toMatch(/This is a private key/);
    expect(error(pkcs1Private)).toMatch(/This is a private key/);
    expect(error("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")).toMatch(/certificate/);
    expect(error("-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----")).toMatch(/could not be read/);
    expect(error(first.publicPem.replace(/\n[A-Za-z0-9+/]{20}/, "\n"))).toMatch(/could not be read/);
  });
});

describe("signing keys (commands)", () => {
  it("a partner admin sets a key, adds a second for a rotation, cannot add a third, and retires the old one; every change audited", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const ctx = adminContext(acme.partner, acme.admin);
    const [partner] = await db.select({ vendorId: partners.embeddedVendorId }).from(partners).where(eq(partners.id, acme.partner.id));
    expect(partner!.vendorId).toMatch(/^[0-9a-f]{32}$/);

    const added = await addEmbeddingKey(ctx, { publicKey: first.publicPem });
    expect(added.vendorId).toBe(partner!.vendorId);
    expect((await refusal(addEmbeddingKey(ctx, { publicKey: first.publicPem }))).message).toBe("This key is already active.");
    const rotated = await addEmbeddingKey(ctx, { publicKey: second.publicPem });
    const third_ = await refusal(addEmbeddingKey(ctx, { publicKey: third.publicPem }));
    expect(third_.code).toBe("CONFLICT");
    expect(third_.fieldErrors.publicKey).toEqual(["2 keys are active already: retire the old one before adding another."]);
    expect((await embeddingSettings(ctx)).keys.map((key) => key.id)).toEqual([added.key.id, rotated.key.id]);

    await retireEmbeddingKey(ctx, { id: added.key.id });
    expect((await refusal(retireEmbeddingKey(ctx, { id: added.key.id }))).code).toBe("NOT_FOUND");
    expect((await embeddingSettings(ctx)).keys.map((key) => key.fingerprint)).toEqual([rotated.key.fingerprint]);
    await addEmbeddingKey(ctx, { publicKey: third.publicPem });

    const events = await db
      .select({ action: auditEvents.action, actingAs: auditEvents.actingAs, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id)))
      .orderBy(desc(auditEvents.id));
    expect(events.map((event) => event.action)).toEqual(["embedding.key_added", "embedding.key_retired", "embedding.key_added", "embedding.key_added"]);
    expect(events[1]).toMatchObject({ actingAs: "partner_admin", changes: { fingerprint: added.key.fingerprint } });
  });

  it("a bad key is refused with the problem on the field, and nothing is written", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const ctx = adminContext(acme.partner, acme.admin);
    const error = await refusal(addEmbeddingKey(ctx, { publicKey: first.privateKey.export({ type: "pkcs8", format: "pem" }).toString() }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors.publicKey?.[0]).toMatch(/private key/);
    expect((await embeddingSettings(ctx)).keys).toEqual([]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.partnerId, acme.partner.id))).toEqual([]);
  });

  it("partner members may not read or change keys; another partner's key is not found", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const member = await createTeamMember(db, acme.partner.id);
    const memberCtx = personContext(acme.partner, member);
    expect((await refusal(embeddingSettings(memberCtx))).message).toBe("Only partner admins can do this.");
    expect((await refusal(addEmbeddingKey(memberCtx, { publicKey: first.publicPem }))).message).toBe("Only partner admins can do this.");
    const theirs = await addEmbeddingKey(adminContext(globex.partner, globex.admin), { publicKey: first.publicPem });
    expect((await refusal(retireEmbeddingKey(adminContext(acme.partner, acme.admin), { id: theirs.key.id }))).code).toBe("NOT_FOUND");
    expect((await embeddingSettings(adminContext(globex.partner, globex.admin))).keys).toHaveLength(1);
  });
});

describe("signing keys (REST)", () => {
  it("POST /api/embedding/keys sets a key and answers the vendor ID; GET shows it; DELETE retires it", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const token = await apiToken(acme.partner, acme.admin);
    const created = await call(keysRoute.POST, "POST", { token, body: { public_key: first.publicPem } });
    expect(created.status).toBe(201);
    const body = created.body as { result: { embedded_vendor_id: string; key: { id: number; fingerprint: string; bits: number } } };
    expect(body.result.key).toMatchObject({ bits: 2048, fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) });
    const listed = await call(embeddingRoute.GET, "GET", { token });
    expect(listed.body).toEqual({
      result: { embedded_vendor_id: body.result.embedded_vendor_id, keys: [expect.objectContaining({ id: body.result.key.id })] },
    });
    const retired = await call(keyRoute.DELETE, "DELETE", { token, params: { id: String(body.result.key.id) } });
    expect(retired).toMatchObject({ status: 200, body: { result: "ok" } });
    expect(await call(keyRoute.DELETE, "DELETE", { token, params: { id: String(body.result.key.id) } })).toMatchObject({ status: 404 });
  });

  it("a bad key is a 400 naming public_key and the problem; a client without the scope is refused", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const token = await apiToken(acme.partner, acme.admin);
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const refused = await call(keysRoute.POST, "POST", { token, body: { public_key: small } });
    expect(refused.status).toBe(400);
    expectErrorShape(refused.body);
    expect(refused.body.errors).toEqual({ public_key: ["This RSA key has 1024 bits: use one of at least 2048 bits."] });
    const readOnly = await apiToken(acme.partner, acme.admin, { name: "Read only", scopes: ["embedding:read"] });
    const forbidden = await call(keysRoute.POST, "POST", { token: readOnly, body: { public_key: first.publicPem } });
    expect(forbidden.status).toBe(403);
    expect((await call(embeddingRoute.GET, "GET", { token: readOnly })).status).toBe(200);
  });
});
