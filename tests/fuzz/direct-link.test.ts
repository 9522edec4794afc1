/**
 * Issue 14, fuzzed like the other entry points (issue #7): fuzzRuns() direct links (`/direct_link?token=…&path=…`)
 * of every shape: random and hostile strings, three base64url parts with any header (every `alg`, none at all)
 * and any payload, and tokens properly signed with the partner's key whose claims are hostile (sub, jti, iat, exp,
 * origin of every type and size) or valid. The route answers a redirect into the workspace with a session cookie,
 * or a refusal page (400/401/403): never a 5xx; a refusal writes nothing of either partner, and nothing ever
 * touches the other partner's rows.
 */
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as directLink } from "@/app/direct_link/route";
import { partners } from "@/db/schema";
import { addEmbeddingKey } from "@/lib/embedding/add-key";
import { adminContext } from "@/tests/support/factories";
import { rsaKeyPair } from "@/tests/support/rsa-keys";
import { signPayload } from "@/tests/support/direct-links";
import { digestWatch, fuzzFixture } from "./fuzz-fixture";
import { fuzzParameters, FuzzTally } from "./fuzz-runs";
import { EDGE_NUMBERS, hostileString } from "./hostile-values";

const tally = new FuzzTally("direct link");
afterAll(() => console.log(tally.summary()));

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "direct-link-fuzz-secret";
});

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

describe("the direct link, fuzzed (issue 14)", () => {
  it("answers a redirect into the workspace or a refusal page, never a 5xx, and a refusal writes nothing", async () => {
    const fixture = await fuzzFixture();
    const key = rsaKeyPair();
    await addEmbeddingKey(adminContext(fixture.acme.partner, fixture.acme.admin), { publicKey: key.publicPem });
    await fixture.db
      .update(partners)
      .set({ iframeOrigins: ["https://app.acme.example"] })
      .where(eq(partners.id, fixture.acme.partner.id));
    const [vendor] = await fixture.db.select({ id: partners.embeddedVendorId }).from(partners).where(eq(partners.id, fixture.acme.partner.id));
    const [foreignVendor] = await fixture.db.select({ id: partners.embeddedVendorId }).from(partners).where(eq(partners.id, fixture.globex.partner.id));
    const watch = digestWatch(fixture);
    await watch.start();

    const nowSeconds = () => Math.floor(Date.now() / 1000);
    const reference = fc.oneof(
      fc.constantFrom(String(fixture.ours.customer.id), String(fixture.theirs.customer.id), `E${fixture.ours.customer.externalId}`, "0", "E", "99999999999"),
      fc.constantFrom(String(fixture.ours.admin.id), String(fixture.ours.operator.id), String(fixture.theirs.admin.id)),
      hostileString,
    );
    const sub = fc.oneof(
      fc.tuple(fc.constantFrom(vendor!.id, foreignVendor!.id), reference).map(([v, c]) => `${v}:${c}`),
      fc.tuple(fc.constant(vendor!.id), reference, reference).map(([v, c, m]) => `${v}:${c}:${m}`),
      hostileString,
      fc.constantFrom(null, 7, [], {}),
    );
    const time = fc.oneof(
      fc.constantFrom(0, -60, -400, 400, 3_600).map((offset) => nowSeconds() + offset),
      fc.constantFrom(...EDGE_NUMBERS),
      hostileString,
      fc.constant(null),
    );
    const claims = fc.record(
      {
        sub,
        jti: fc.oneof(fc.uuid(), hostileString, fc.constantFrom(null, 1, "")),
        iat: time,
        exp: time,
        nbf: time,
        origin: fc.oneof(fc.constantFrom("https://app.acme.example", "null", "https://evil.example", "javascript:alert(1)"), hostileString),
      },
      { requiredKeys: [] },
    );
    // Signed with the partner's key: mostly good claims (so some sign in), each of them hostile now and then.
    const good = <T>(value: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: hostile });
    const signed = fc
      .record(
        {
          sub: good(fc.constantFrom(`${vendor!.id}:${fixture.ours.customer.id}`, `${vendor!.id}:${fixture.ours.customer.id}:${fixture.ours.operator.id}`), sub),
          jti: good(fc.uuid(), hostileString),
          iat: good(
            fc.constant(null).map(() => nowSeconds()),
            time,
          ),
          exp: fc.option(time, { nil: undefined }),
          origin: fc.option(good(fc.constant("https://app.acme.example"), hostileString), { nil: undefined }),
        },
        { requiredKeys: ["sub"] },
      )
      .map((payload) => ({ payload, sign: true as const }));
    const segment = fc.oneof(
      fc.base64String({ maxLength: 60 }).map((text) => text.replace(/[+/=]/g, "")),
      hostileString.map(b64),
    );
    const forged = fc
      .tuple(
        fc.record(
          {
            alg: fc.oneof(fc.constantFrom("RS256", "none", "None", "HS256", "PS256", "ES256", "RS512", "EdDSA", ""), hostileString, fc.constantFrom(null, 1)),
            typ: fc.constant("JWT"),
          },
          { requiredKeys: [] },
        ),
        claims,
        segment,
      )
      .map(([header, payload, signature]) => `${b64(header)}.${b64(payload)}.${signature}`);
    const token = fc.oneof(
      { weight: 3, arbitrary: signed },
      { weight: 2, arbitrary: forged },
      { weight: 1, arbitrary: fc.tuple(segment, segment, segment).map((parts) => parts.join(".")) },
      { weight: 1, arbitrary: hostileString },
    );
    const path = fc.option(
      fc.oneof(fc.constantFrom("/workspace", "/workspace/recipes?x=1#y", "/customers", "//evil.example", "/workspace/../api"), hostileString),
      { nil: undefined },
    );

    await fc.assert(
      fc.asyncProperty(token, path, async (tokenInput, pathInput) => {
        let text: string;
        if (typeof tokenInput === "string") text = tokenInput;
        else {
          // Signed as it is, hostile claims included.
          text = await signPayload(key.privateKey, tokenInput.payload as Record<string, unknown>);
        }
        const url = new URL("http://localhost/direct_link");
        url.searchParams.set("token", text);
        if (pathInput !== undefined) url.searchParams.set("path", pathInput);
        const response = await directLink(new NextRequest(url));
        const status = response.status;
        tally.record("GET /direct_link", String(status), status >= 500);
        expect([303, 400, 401, 403]).toContain(status);
        const cookie = response.headers.get("set-cookie");
        if (status === 303) {
          expect(response.headers.get("location")).toMatch(/^\/workspace(?:[/?#]|$)/);
          expect(cookie).toMatch(/SameSite=None; Partitioned$/);
        } else {
          expect(cookie).toBeNull();
          expect(await response.text()).toContain("This link cannot sign you in");
        }
        const changes = await watch.changes();
        expect(changes.theirs).toBe(false);
        if (status !== 303) expect(changes.ours).toBe(false);
      }),
      fuzzParameters(),
    );
  });
});
