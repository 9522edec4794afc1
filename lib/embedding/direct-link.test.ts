import { randomUUID } from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as directLink } from "@/app/direct_link/route";
import { auditEvents, customerMembers, customers, embeddedTokenUses, partners, sessions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { isConsoleContext } from "@/lib/auth/session";
import { sessionSecretFromCookies } from "@/lib/auth/session-cookie";
import { loadSessionContext, revokeSession } from "@/lib/auth/session-store";
import { hashSessionSecret } from "@/lib/auth/sign-in";
import { getDatabase } from "@/lib/db";
import { addDirectMember, createManager } from "@/tests/support/contexts";
import { directLinkUrl, hmacToken, signLink, unsignedToken, type LinkClaims } from "@/tests/support/direct-links";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { rsaKeyPair } from "@/tests/support/rsa-keys";
import { workspaceFrameAncestors } from "@/lib/workspace/frame-ancestors";
import { addEmbeddingKey } from "./add-key";
import { retireEmbeddingKey } from "./retire-key";

const ORIGIN = "https://app.acme.example";
const acmeKey = rsaKeyPair();
const globexKey = rsaKeyPair();
const meta = { ip: null, userAgent: null };

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "direct-link-test-secret";
});

async function world() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  await db
    .update(partners)
    .set({ iframeOrigins: [ORIGIN] })
    .where(eq(partners.id, acme.partner.id));
  const ext = `CRM-${randomUUID().slice(0, 8)}`;
  const c = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { externalId: ext, iframeOrigins: ["https://c.acme.example"] });
  const d = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const g = await createCustomer(db, globex.partner.id, globex.plans.starter.id, { externalId: ext });
  const owner = await createUser(db, { name: "Olivia Owner" });
  const operator = await createUser(db, { name: "Otto Operator" });
  const ofD = await createUser(db, { name: "Dee of D" });
  await addDirectMember(db, acme.partner.id, c.id, owner.id, SYSTEM_ROLE_IDS.admin);
  await addDirectMember(db, acme.partner.id, c.id, operator.id, SYSTEM_ROLE_IDS.operator);
  await db
    .update(customerMembers)
    .set({ externalId: "U-7" })
    .where(and(eq(customerMembers.customerId, c.id), eq(customerMembers.userId, operator.id)));
  await addDirectMember(db, acme.partner.id, d.id, ofD.id, SYSTEM_ROLE_IDS.admin);
  const manager = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.operator, [c.id], "Mia Manager");
  const added = await addEmbeddingKey(adminContext(acme.partner, acme.admin), { publicKey: acmeKey.publicPem });
  const globexAdded = await addEmbeddingKey(adminContext(globex.partner, globex.admin), { publicKey: globexKey.publicPem });
  const [vendor] = await db.select({ id: partners.embeddedVendorId }).from(partners).where(eq(partners.id, acme.partner.id));
  const [globexVendor] = await db.select({ id: partners.embeddedVendorId }).from(partners).where(eq(partners.id, globex.partner.id));
  return {
    db,
    acme,
    globex,
    c,
    d,
    g,
    ext,
    owner,
    operator,
    ofD,
    manager: manager.user,
    vendor: vendor!.id,
    globexVendor: globexVendor!.id,
    keyId: added.key.id,
    globexKeyId: globexAdded.key.id,
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function open(url: string) {
  const response = await directLink(new NextRequest(url, { headers: { "user-agent": "vitest" } }));
  // The page's text as a person reads it (entities decoded).
  const text = (await response.text()).replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return {
    status: response.status,
    location: response.headers.get("location"),
    cookie: response.headers.get("set-cookie"),
    csp: response.headers.get("content-security-policy"),
    text,
  };
}

async function sessionCount(w: World) {
  const [row] = await w.db.select({ n: count() }).from(sessions).where(eq(sessions.partnerId, w.acme.partner.id));
  return row!.n;
}

/** The session behind a Set-Cookie header, as the next request would present it. */
async function sessionOf(cookie: string) {
  const [pair] = cookie.split(";");
  const [name, value] = pair!.split("=");
  const secret = await sessionSecretFromCookies((asked) => (asked === name ? value : undefined));
  return {
    secret: secret!,
    context: await loadSessionContext(hashSessionSecret(secret!), meta),
    cookieOf: (asked: string) => (asked === name ? value : undefined),
  };
}

const link = (w: World, claims: LinkClaims, path?: string) =>
  signLink(acmeKey.privateKey, { sub: `${w.vendor}:${w.c.id}`, ...claims }).then((token) => directLinkUrl(token, path));

describe("direct link sign-in (issue 14)", () => {
  it("signs the named member into its customer with its own role, keeps the origin (U28), and redirects into the workspace", async () => {
    const w = await world();
    const jti = randomUUID();
    const answer = await open(await link(w, { sub: `${w.vendor}:E${w.ext}:${w.operator.id}`, jti, origin: ORIGIN }, "/workspace/recipes?tab=all"));
    expect(answer.status).toBe(303);
    expect(answer.location).toBe("/workspace/recipes?tab=all");
    expect(answer.cookie).toMatch(/^next-auth\.session-token=[^;]+; Max-Age=28800; Path=\/; HttpOnly; Secure; SameSite=None; Partitioned$/);
    const { secret, context, cookieOf } = await sessionOf(answer.cookie!);
    expect(context?.account).toEqual({
      kind: "customer",
      customerId: w.c.id,
      customerName: w.c.name,
      switchExpiresAt: null,
      embedded: { jti, origin: ORIGIN },
    });
    expect(context?.actor).toMatchObject({ kind: "user", userId: w.operator.id, partnerRole: null });
    // While the session holds an origin, that origin alone may frame the workspace (not the effective list).
    expect(await workspaceFrameAncestors(cookieOf)).toEqual([ORIGIN]);

    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.partnerId, w.acme.partner.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: "session.sign_in_embedded", actingAs: "customer_collaborator", customerId: w.c.id, actorUserId: w.operator.id });
    expect(event!.changes).toMatchObject({ through: "the partner's app", jti, origin: ORIGIN, member: expect.stringContaining(`(user ${w.operator.id})`) });

    await revokeSession(secret);
    expect(await loadSessionContext(hashSessionSecret(secret), meta)).toBeNull();
    const [row] = await w.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashSessionSecret(secret)));
    expect(row).toMatchObject({ embeddedOrigin: null, activeCustomerId: null, revokedAt: expect.any(Date) });
    const [signOut] = await w.db.select().from(auditEvents).where(eq(auditEvents.partnerId, w.acme.partner.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(signOut).toMatchObject({ action: "session.sign_out_embedded", customerId: w.c.id });
    expect(signOut!.changes).toMatchObject({ jti, origin: ORIGIN });
  });

  it("a member named by E + external ID; a customer manager keeps its manager role and still cannot reach the console", async () => {
    const w = await world();
    const byExternal = await open(await link(w, { sub: `${w.vendor}:${w.c.id}:EU-7` }));
    expect((await sessionOf(byExternal.cookie!)).context?.actor).toMatchObject({ userId: w.operator.id });
    const asManager = await open(await link(w, { sub: `${w.vendor}:${w.c.id}:${w.manager.id}` }));
    const { context } = await sessionOf(asManager.cookie!);
    expect(context?.actor).toMatchObject({ userId: w.manager.id, partnerRole: null });
    expect(isConsoleContext(context)).toBe(false);
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.partnerId, w.acme.partner.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: "session.sign_in_embedded", actingAs: "customer_manager" });
  });

  it("without a member, signs in the workspace owner (its earliest Admin member); no origin keeps the effective list", async () => {
    const w = await world();
    const answer = await open(await link(w, {}));
    expect(answer.location).toBe("/workspace");
    const { context, cookieOf } = await sessionOf(answer.cookie!);
    expect(context?.actor).toMatchObject({ userId: w.owner.id });
    expect(await workspaceFrameAncestors(cookieOf)).toEqual([ORIGIN, "https://c.acme.example"]);
  });

  it("during a rotation both keys sign in; a retired key no longer does", async () => {
    const w = await world();
    const next = rsaKeyPair();
    const ctx = adminContext(w.acme.partner, w.acme.admin);
    await addEmbeddingKey(ctx, { publicKey: next.publicPem });
    const withNext = directLinkUrl(await signLink(next.privateKey, { sub: `${w.vendor}:${w.c.id}` }));
    expect((await open(withNext)).status).toBe(303);
    await retireEmbeddingKey(ctx, { id: w.keyId });
    const old = await open(await link(w, {}));
    expect(old.status).toBe(401);
    expect(old.text).toContain("does not match any of the partner's active signing keys");
  });

  it("forgets used jtis once their token could no longer be valid", async () => {
    const w = await world();
    await w.db
      .insert(embeddedTokenUses)
      .values({ partnerId: w.acme.partner.id, jti: "stale", usedAt: new Date(Date.now() - 3_600_000), expiresAt: new Date(Date.now() - 60_000) });
    const jti = randomUUID();
    expect((await open(await link(w, { jti, exp: Math.floor(Date.now() / 1000) + 60 }))).status).toBe(303);
    const rows = await w.db.select().from(embeddedTokenUses).where(eq(embeddedTokenUses.partnerId, w.acme.partner.id));
    expect(rows.map((row) => row.jti)).toEqual([jti]);
    // Kept until the earlier of exp and iat + 5 minutes, plus the clock skew.
    expect(Math.abs(rows[0]!.expiresAt.getTime() - (Date.now() + 90_000))).toBeLessThan(5_000);
  });
});

describe("direct link refusals: a plain page saying what to fix, and no session written", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, (w: World) => Promise<string> | string, number, RegExp][] = [
    ["no token", () => "http://localhost/direct_link?path=/workspace", 400, /has no token/],
    ["not a JWT", () => directLinkUrl("not-a-token"), 400, /not a signed JWT/],
    ["alg none", (w) => directLinkUrl(unsignedToken({ sub: `${w.vendor}:${w.c.id}`, jti: randomUUID(), iat: now() })), 401, /"alg": "none"/],
    [
      "alg none with a signature part",
      (w) => directLinkUrl(`${unsignedToken({ sub: `${w.vendor}:${w.c.id}`, jti: randomUUID(), iat: now() })}c2ln`),
      401,
      /"alg": "none"/,
    ],
    [
      "HS256 signed with the public key as its secret",
      (w) => directLinkUrl(hmacToken({ alg: "HS256", typ: "JWT" }, { sub: `${w.vendor}:${w.c.id}`, jti: randomUUID(), iat: now() }, acmeKey.publicPem)),
      401,
      /HS256.*is refused: sign the token with RS256/,
    ],
    [
      "PS256",
      (w) => directLinkUrl(hmacToken({ alg: "PS256" }, { sub: `${w.vendor}:${w.c.id}`, jti: randomUUID(), iat: now() }, "x")),
      401,
      /PS256.*is refused/,
    ],
    [
      "a token signed by another partner's key",
      async (w) => directLinkUrl(await signLink(globexKey.privateKey, { sub: `${w.vendor}:${w.c.id}` })),
      401,
      /does not match any/,
    ],
    [
      "an unknown vendor",
      async (w) => directLinkUrl(await signLink(acmeKey.privateKey, { sub: `0000${w.vendor.slice(4)}:${w.c.id}` })),
      401,
      /No partner has the vendor ID/,
    ],
    ["a malformed sub", async (w) => directLinkUrl(await signLink(acmeKey.privateKey, { sub: `${w.vendor}` })), 400, /sub claim must be/],
    // An ID is written the way PostgreSQL prints it (lib/ids.ts): "0" + an ID names nothing.
    [
      "a customer ID with a leading zero",
      async (w) => directLinkUrl(await signLink(acmeKey.privateKey, { sub: `${w.vendor}:0${w.c.id}` })),
      403,
      /No customer "0\d+" for this vendor ID/,
    ],
    ["no jti", async (w) => directLinkUrl(await signLink(acmeKey.privateKey, { sub: `${w.vendor}:${w.c.id}`, jti: undefined })), 400, /no jti claim/],
    ["an old iat", (w) => link(w, { iat: now() - 6 * 60 }), 401, /issued more than 5 minutes ago/],
    ["an iat in the future", (w) => link(w, { iat: now() + 5 * 60 }), 401, /iat is in the future/],
    ["an expired token", (w) => link(w, { exp: now() - 60 }), 401, /has expired \(exp\)/],
    ["an origin that is not allowed", (w) => link(w, { origin: "https://evil.example" }), 403, /origin https:\/\/evil.example is not one of this customer/],
    [
      "another customer's origin",
      (w) => link(w, { sub: `${w.vendor}:${w.d.id}:${w.ofD.id}`, origin: "https://c.acme.example" }),
      403,
      /is not one of this customer/,
    ],
    [
      "an origin that is not an origin",
      (w) => link(w, { origin: "https://app.acme.example/path" }),
      400,
      /origin claim "https:\/\/app.acme.example\/path" is not an origin/,
    ],
    ["a member of another customer", (w) => link(w, { sub: `${w.vendor}:${w.c.id}:${w.ofD.id}` }), 403, /No member "\d+" in this customer/],
    ["a member that does not exist", (w) => link(w, { sub: `${w.vendor}:${w.c.id}:Enobody` }), 403, /No member "Enobody" in this customer/],
    [
      "a customer without an Admin and no member named",
      (w) =>
        link(w, { sub: `${w.vendor}:${w.d.id}` }).then(async (url) => {
          await w.db.delete(customerMembers).where(eq(customerMembers.customerId, w.d.id));
          return url;
        }),
      403,
      /no member with the Admin role/,
    ],
    ["a path outside the workspace", (w) => link(w, {}, "/customers"), 400, /not inside the workspace/],
    ["an absolute URL as the path", (w) => link(w, {}, "https://evil.example/workspace"), 400, /not inside the workspace/],
    ["a protocol-relative path", (w) => link(w, {}, "//evil.example/workspace"), 400, /not inside the workspace/],
    ["a backslash path", (w) => link(w, {}, "/\\evil.example"), 400, /not inside the workspace/],
    ["a path that climbs out", (w) => link(w, {}, "/workspace/../customers"), 400, /not inside the workspace/],
  ];

  for (const [name, make, status, message] of cases) {
    it(`refuses ${name}`, async () => {
      const w = await world();
      const url = await make(w);
      const before = await sessionCount(w);
      const answer = await open(url);
      expect({ status: answer.status, cookie: answer.cookie }).toEqual({ status, cookie: null });
      expect(answer.text).toMatch(message);
      expect(answer.text).toContain("For the developer of the app that made this link");
      expect(answer.csp).toContain("default-src 'none'");
      expect(await sessionCount(w)).toBe(before);
      expect(await w.db.select().from(embeddedTokenUses).where(eq(embeddedTokenUses.partnerId, w.acme.partner.id))).toEqual([]);
    });
  }

  it("refuses a replayed jti, and writes nothing the second time", async () => {
    const w = await world();
    const url = await link(w, {});
    expect((await open(url)).status).toBe(303);
    const before = await sessionCount(w);
    const again = await open(url);
    expect(again.status).toBe(401);
    expect(again.text).toMatch(/used already/);
    expect(await sessionCount(w)).toBe(before);
  });

  it("answers a customer of another partner exactly as one that does not exist (D8)", async () => {
    const w = await world();
    const [{ max }] = (await w.db.execute<{ max: number }>(sql`select coalesce(max(id), 0) + 1000 as max from customers`)) as unknown as [{ max: number }];
    const foreign = await open(await link(w, { sub: `${w.vendor}:${w.g.id}` }));
    const nowhere = await open(await link(w, { sub: `${w.vendor}:${max}` }));
    expect(foreign.status).toBe(403);
    expect(foreign.text.replace(String(w.g.id), "ID")).toBe(nowhere.text.replace(String(max), "ID"));
    // The external ID both partners use names Acme's customer only.
    expect((await open(await link(w, { sub: `${w.vendor}:E${w.ext}` }))).status).toBe(303);
    expect((await open(await link(w, { sub: `${w.vendor}:E${w.ext}:${w.operator.id}` }))).status).toBe(303);
    const [gRow] = await w.db.select({ id: customers.id }).from(customers).where(eq(customers.id, w.g.id));
    expect(gRow).toBeDefined();
  });
});
