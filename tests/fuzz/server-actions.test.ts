/**
 * Issue #7, "Bad input": every server action (each export of each `"use server"` file under app/, found by
 * tests/fuzz/action-modules.ts) gets fuzzRuns() generated inputs (1,000 on PostgreSQL), called the way a crafted POST
 * would call it: with the session cookie of the person the page is for, now and then of nobody or of the other
 * partner's admin. Whatever comes in: never an unexpected failure ("Something went wrong on our side", the
 * actions' 5xx) and nothing logged, a result of the one action shape (`{ ok: true, data }` or
 * `{ ok: false, error, fieldErrors? }`, lib/transport/action.ts), Acme's rows unchanged after every refusal and
 * Globex's rows unchanged after every call (decision D8).
 */
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openSession, sessionSecretOf } from "@/tests/support/contexts";
import { serverActions, type Caller } from "./action-modules";
import { digestWatch, fuzzFixture, type FuzzFixture } from "./fuzz-fixture";
import { fuzzParameters, FuzzTally } from "./fuzz-runs";
import { hostileValue } from "./hostile-values";
import { inputOf, jsonSchemaOf } from "./schema-arbitrary";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  // The parts of Next's cookie store the actions use: reading the session, and clearing it on sign-out.
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => (value ? jar.set(name, value) : jar.delete(name)),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers({ "user-agent": "fuzzer", "x-forwarded-for": "198.51.100.7" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

process.env.NEXTAUTH_SECRET = "vitest-secret-for-fuzzed-actions";

/** failureOf's answer to anything unexpected: the server actions' 500. */
const UNEXPECTED = "Something went wrong on our side. Nothing was changed; try again.";

/**
 * Inputs the fuzzing found failing ("Something went wrong"), replayed first on every run: IDs past PostgreSQL's
 * integer reached the database (now refused by the schemas, MAX_RECORD_ID), and U+0000 in a text field, which
 * PostgreSQL cannot store (now refused as a field error by the action wrappers, unstorableTextErrors).
 */
const REGRESSIONS: Record<string, unknown[]> = {
  "app/(console)/account-switch/actions.ts#switchToAccount": [{ customerId: 4294967296, partner_id: null }],
  "app/(workspace)/workspace/admin/settings/actions.ts#saveTeamName": [
    { name: "\u0000", partner_id: [] },
    { name: "\udfff", "": "'" },
  ],
  "app/(workspace)/workspace/recipes/[recipeId]/actions.ts#saveNewVersion": [{ recipeId: 2147483648, comment: "", "": {} }],
  "app/(workspace)/workspace/recipes/[recipeId]/actions.ts#changeRecipeStatus": [{ recipeId: 9007199254740991, status: "running" }],
  "app/(workspace)/workspace/teams/actions.ts#remove": [{ userId: 2147483648 }],
};

const actions = await serverActions();
const tally = new FuzzTally("server actions");
afterEach(() => vi.restoreAllMocks());
afterAll(() => console.log(tally.summary()));

type Cookies = Record<Caller | "globex", string | null>;

async function cookieOf(idHash: string): Promise<string> {
  return encode({ token: { sid: sessionSecretOf(idHash) }, secret: process.env.NEXTAUTH_SECRET! });
}

/** Fresh sessions for the callers: a successful switch or sign-out must not leave the next input without one. */
async function signIn(fixture: FuzzFixture): Promise<Cookies> {
  const { db, acme, globex, ours } = fixture;
  return {
    console: await cookieOf(await openSession(db, acme.partner.id, acme.admin.id)),
    workspace: await cookieOf(await openSession(db, acme.partner.id, ours.admin.id, { activeCustomerId: ours.customer.id })),
    globex: await cookieOf(await openSession(db, globex.partner.id, globex.admin.id)),
    anonymous: null,
  };
}

function expectActionShape(result: unknown): asserts result is { ok: boolean; error?: string } {
  const value = result as Record<string, unknown>;
  expect(typeof value?.ok, JSON.stringify(result)).toBe("boolean");
  if (value.ok) return expect(Object.keys(value).sort()).toEqual(["data", "ok"]);
  expect(typeof value.error).toBe("string");
  expect((value.error as string).length).toBeGreaterThan(0);
  for (const key of Object.keys(value)) expect(["ok", "error", "fieldErrors"]).toContain(key);
  if (value.fieldErrors !== undefined) {
    for (const messages of Object.values(value.fieldErrors as object)) expect(messages).toEqual(expect.arrayContaining([expect.any(String)]));
  }
}

let shared: FuzzFixture | null = null;

describe("every server action, under fuzzed inputs (issue #7)", () => {
  it("finds the actions on disk, with their schemas, and every regression example names one of them", () => {
    for (const name of Object.keys(REGRESSIONS)) expect(actions.map((action) => action.name)).toContain(name);
    expect(actions.length).toBeGreaterThanOrEqual(20);
    expect(actions.filter((action) => action.schema).length).toBeGreaterThanOrEqual(18);
  });

  it.each(actions.map((action) => [action.name, action] as const))(
    "%s",
    async (name, action) => {
      const fixture = (shared ??= await fuzzFixture());
      const unexpected = vi.spyOn(console, "error").mockImplementation(() => undefined);
      let cookies = await signIn(fixture);
      const watch = digestWatch(fixture);
      await watch.start();
      const input = action.schema ? inputOf(jsonSchemaOf(action.schema), fixture.pools) : hostileValue(fixture.pools);
      const caller = fc.oneof(
        { weight: 28, arbitrary: fc.constant<keyof Cookies>(action.caller) },
        { weight: 1, arbitrary: fc.constantFrom<keyof Cookies>("anonymous", "globex", "console", "workspace") },
      );

      await fc.assert(
        fc.asyncProperty(input, caller, async (value, who) => {
          unexpected.mockClear();
          jar.clear();
          if (cookies[who]) jar.set("next-auth.session-token", cookies[who]);
          const result = (await action.run(value)) as { ok: boolean; error?: string };
          const outcome = result?.ok ? "ok" : result?.error === UNEXPECTED ? "unexpected" : "refused";
          tally.record(name, outcome, outcome === "unexpected");
          const changes = await watch.changes();
          expectActionShape(result);
          expect(result.error, JSON.stringify(value)?.slice(0, 500)).not.toBe(UNEXPECTED);
          expect(unexpected).not.toHaveBeenCalled();
          // Globex's admin acts on Globex: for that call Acme is the other partner.
          const [own, other] = who === "globex" ? [changes.theirs, changes.ours] : [changes.ours, changes.theirs];
          expect(other, "another partner's rows changed").toBe(false);
          if (!result.ok) expect(own, `a refused call (${result.error}) changed the partner's rows`).toBe(false);
          if (own) {
            shared = null;
            cookies = await signIn(fixture);
            await watch.start();
          }
        }),
        { ...fuzzParameters(), examples: (REGRESSIONS[name] ?? []).map((value) => [value, action.caller] as [unknown, keyof Cookies]) },
      );
      // Forgot password answers no faster than 600 ms whatever the email (so that timing tells nothing): 100 inputs
      // need a minute and more.
    },
    240_000,
  );
});
