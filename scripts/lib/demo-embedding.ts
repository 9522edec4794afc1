/**
 * The demo partner app's signing key (issue 14): an RSA private key generated on this machine into `.data` (never
 * committed: `.data/` is in .gitignore), its public key registered for Acme Embedded, and the demo page's origin
 * allowed for Northwind Traders, so that `npm run demo:embed` can sign Casey into Northwind's workspace in an iframe.
 * Written directly, like the rest of the demo data (the seed is not an audited action of anyone).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/connection";
import { customerMembers, customers, embeddingKeys, partners, users } from "../../db/schema";
import { DEMO_CUSTOMERS, DEMO_PARTNERS, DEMO_USERS } from "../../db/seed/demo-users";
import { parsePublicKey } from "../../lib/embedding/public-key";

export const DEMO_EMBED_PORT = Number(process.env.DEMO_EMBED_PORT ?? 3001);
/** 127.0.0.1, not localhost: another site than the console's, as a partner's real app is. */
export const DEMO_EMBED_ORIGIN = `http://127.0.0.1:${DEMO_EMBED_PORT}`;

const dataDir = () => join(process.cwd(), ".data");
export const demoKeyFile = () => join(dataDir(), "demo-partner-key.pem");
export const demoEmbedFile = () => join(dataDir(), "demo-embed.json");

export interface DemoEmbedding {
  /** `<vendor ID>:E<Northwind's external ID>:<Casey's user ID>` */
  sub: string;
  origin: string;
  customerName: string;
  memberName: string;
}

/** Makes the key (if `.data` has none), registers it, allows the demo origin, and writes what the demo page needs. */
export async function ensureDemoEmbedding(db: Database): Promise<DemoEmbedding> {
  const [partner] = await db.select({ id: partners.id, vendorId: partners.embeddedVendorId }).from(partners).where(eq(partners.name, DEMO_PARTNERS.acme.name));
  if (!partner) throw new Error(`The demo partner ${DEMO_PARTNERS.acme.name} is not in this database: run npm run db:seed first.`);
  const northwind = DEMO_CUSTOMERS.northwind;
  const casey = DEMO_USERS.customerCollaborator;
  const [member] = await db
    .select({ customerId: customers.id, origins: customers.iframeOrigins, userId: users.id })
    .from(customerMembers)
    .innerJoin(customers, eq(customers.id, customerMembers.customerId))
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .where(and(eq(customers.partnerId, partner.id), eq(customers.externalId, northwind.externalId), sql`lower(${users.email}) = ${casey.email}`));
  if (!member) throw new Error(`${casey.name} is not a member of ${northwind.name} in this database: run npm run db:seed -- --reset.`);

  mkdirSync(dataDir(), { recursive: true });
  if (!existsSync(demoKeyFile())) {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(demoKeyFile(), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  const publicPem = createPublicKey(createPrivateKey(readFileSync(demoKeyFile(), "utf8")))
    .export({ type: "spki", format: "pem" })
    .toString();
  const parsed = parsePublicKey(publicPem);
  if ("error" in parsed) throw new Error(`${demoKeyFile()}: ${parsed.error}`);
  await db.transaction(async (tx) => {
    const active = await tx
      .select({ id: embeddingKeys.id, fingerprint: embeddingKeys.fingerprint })
      .from(embeddingKeys)
      .where(and(eq(embeddingKeys.partnerId, partner.id), isNull(embeddingKeys.retiredAt)))
      .orderBy(asc(embeddingKeys.createdAt), asc(embeddingKeys.id));
    if (!active.some((key) => key.fingerprint === parsed.key.fingerprint)) {
      // Room for it: at most two keys are active.
      if (active.length >= 2) await tx.update(embeddingKeys).set({ retiredAt: new Date() }).where(eq(embeddingKeys.id, active[0]!.id));
      await tx
        .insert(embeddingKeys)
        .values({ partnerId: partner.id, publicKeyPem: parsed.key.spkiPem, fingerprint: parsed.key.fingerprint, modulusBits: parsed.key.modulusBits });
    }
    if (!member.origins.includes(DEMO_EMBED_ORIGIN)) {
      await tx
        .update(customers)
        .set({ iframeOrigins: [...member.origins, DEMO_EMBED_ORIGIN] })
        .where(eq(customers.id, member.customerId));
    }
  });
  const demo: DemoEmbedding = {
    sub: `${partner.vendorId}:E${northwind.externalId}:${member.userId}`,
    origin: DEMO_EMBED_ORIGIN,
    customerName: northwind.name,
    memberName: casey.name,
  };
  writeFileSync(demoEmbedFile(), `${JSON.stringify(demo, null, 2)}\n`);
  return demo;
}
