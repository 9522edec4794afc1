/**
 * The authorization matrix (issue #7): every page, server action and route handler the app has, enumerated from
 * the file system and the REST registry, is called as every role of docs/authorization-matrix.md and must answer
 * exactly what its cell says; and as the other partner, with this partner's IDs, it must answer as for an ID that
 * does not exist and change none of this partner's rows (decision D8). Only Next's request APIs are stood in for
 * (cookies, headers, revalidation); sessions, guards, commands and the database are the real ones.
 */
import { isDeepStrictEqual } from "node:util";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/transport/action";
import type { ApiScope } from "@/lib/api-clients/scopes";
import { getDatabase } from "@/lib/db";
import { call } from "@/tests/support/api";
import { partnerDigest } from "@/tests/support/partner-digest";
import { readMatrix, SURFACES, type Surface } from "./matrix-file";
import { actionOutcome, apiOutcome, consoleRouteOutcome, pageOutcome } from "./outcomes";
import { ACTION_PROBES, PAGE_PROBES, ROUTE_PROBES, type Target } from "./probes";
import { NEXTAUTH_TEST_SECRET, presentSession } from "./request-cookies";
import { handlerRoutes, pageRoutes, registryEndpoint, serverActions, type HandlerRoute, type PageRoute } from "./routes";
import { buildWorld, FOREIGN_COLUMN, foreignSession, ROLE_COLUMNS, SESSION_COLUMNS, sessionFor, TOKEN_COLUMNS, tokenFor, type Side, type World } from "./world";

vi.mock("next/headers", async () => {
  const { cookieJar, requestHeaders } = await import("./request-cookies");
  return {
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
      getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
      has: (name: string) => cookieJar.has(name),
      set: () => undefined,
      delete: () => undefined,
    }),
    headers: async () => requestHeaders(),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// `connection()` only marks a route dynamic, and needs Next's request scope.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => undefined }));

process.env.NEXTAUTH_SECRET = NEXTAUTH_TEST_SECRET;
// Each row's API client calls once per row; the matrix is not about rate limits.
for (const group of ["CUSTOMER_MANAGERS", "COLLABORATORS", "CUSTOMERS", "DIRECTORY", "EMBEDDING"]) process.env[`API_RATE_LIMIT_${group}`] = "1000000";
delete process.env.ENABLE_TEST_CLOCK;

const MISSING_ID = 2_000_000_000;
const OUTCOME_CODES = /^(allow|n\/a|—|401|404|invalid|partner only|admins only|not inside|not switched|role|scope|→ \/[\w/-]*)$/;

const matrix = readMatrix();
const pages = pageRoutes();
const actions = await serverActions();
const routes = await handlerRoutes();
const enumerated: Record<Surface, string[]> = {
  pages: pages.map((page) => page.key),
  actions: actions.map((action) => action.key),
  routes: routes.map((route) => route.key),
};

describe("docs/authorization-matrix.md names every route the app has, and only those", () => {
  for (const surface of Object.keys(SURFACES) as Surface[]) {
    it(`${SURFACES[surface]}: one row per enumerated route, every cell an outcome code`, () => {
      const rows = matrix[surface].rows;
      expect(
        enumerated[surface].filter((key) => !rows.has(key)),
        "routes missing from the matrix",
      ).toEqual([]);
      expect(
        [...rows.keys()].filter((key) => !enumerated[surface].includes(key)),
        "matrix rows for routes that do not exist",
      ).toEqual([]);
      expect(matrix[surface].columns).toEqual([...ROLE_COLUMNS]);
      const bad = [...rows].flatMap(([key, cells]) =>
        [...cells].filter(([, cell]) => !OUTCOME_CODES.test(cell)).map(([column, cell]) => `${key} / ${column}: ${cell}`),
      );
      expect(bad, "cells that are not outcome codes").toEqual([]);
    });
  }

  it("counts what it found (21 pages, 24 actions in 12 modules, every registry endpoint served)", () => {
    expect(pages.length).toBeGreaterThanOrEqual(21);
    expect(new Set(actions.map((action) => action.file)).size).toBeGreaterThanOrEqual(12);
    expect(
      routes.filter((route) => route.handler === null).map((route) => route.key),
      "registry endpoints that no route file serves",
    ).toEqual([]);
  });
});

const sideOfUrl = (url: string): Side => (url === "/workspace" || url.startsWith("/workspace/") ? "workspace" : "console");
const sideOfAction = (key: string): Side => (key.startsWith("(workspace)/") ? "workspace" : "console");

/** The same target with each of the partner's record IDs replaced by one that exists nowhere. */
const missing = (target: Target): Target =>
  Object.fromEntries(Object.entries(target).map(([key, value]) => [key, typeof value === "number" ? MISSING_ID : value]));
const hasIds = (target: Target) => Object.values(target).some((value) => typeof value === "number");

/** What the call answered: the code compared with the cell, and the raw answer compared with a missing ID's. */
type Answer = { code: string; raw: unknown };

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

/**
 * The cells of one row: each role column's expected code against what it answered; then the other partner's
 * admin (or API client) with this partner's IDs: the same answer as for missing IDs, and not one row changed.
 */
async function checkRow(
  surface: Surface,
  key: string,
  expectations: { side: Side | null; skipTokens: boolean },
  target: (w: World) => Promise<Target>,
  answer: (target: Target, credentials: { session: string | null; token: string | null }) => Promise<Answer>,
  scope: ApiScope | null = null,
) {
  const cells = matrix[surface].rows.get(key);
  expect(cells, `${key} has no row in the matrix`).toBeDefined();
  const observed: Record<string, string> = {};
  for (const column of SESSION_COLUMNS) {
    const session = await sessionFor(world, column, expectations.side ?? "console");
    observed[column] = (await answer(await target(world), { session, token: null })).code;
  }
  for (const column of TOKEN_COLUMNS) {
    observed[column] = expectations.skipTokens
      ? "n/a"
      : (await answer(await target(world), { session: null, token: await tokenFor(world, column, scope) })).code;
  }
  const theirs = await target(world);
  if (!hasIds(theirs)) {
    observed[FOREIGN_COLUMN] = "—";
  } else {
    const credentials =
      expectations.side === null ? { session: null, token: world.globexToken } : { session: await foreignSession(world, expectations.side), token: null };
    const before = await partnerDigest(getDatabase(), world.acme.partner.id);
    const foreign = await answer(theirs, credentials);
    const unknown = await answer(missing(theirs), credentials);
    const after = await partnerDigest(getDatabase(), world.acme.partner.id);
    if (before !== after) observed[FOREIGN_COLUMN] = "changed the partner's rows";
    else if (!isDeepStrictEqual(foreign.raw, unknown.raw))
      observed[FOREIGN_COLUMN] = `answered ${JSON.stringify(foreign.raw)}, a missing ID ${JSON.stringify(unknown.raw)}`;
    else observed[FOREIGN_COLUMN] = foreign.code;
  }
  const expected = Object.fromEntries([...cells!]);
  expect(observed).toEqual(expected);
}

const stringParams = (target: Target, url: string) =>
  Object.fromEntries(
    [...url.matchAll(/:(\w+)(\*?)/g)].map(([, name, rest]) => [name!, rest ? String(target[name!]).split("/") : String(target[name!])]),
  ) as Record<string, string | string[]>;

async function renderPage(page: PageRoute, target: Target) {
  const params = stringParams(target, page.key);
  for (const file of [...page.layouts, page.file]) {
    const component = ((await import(/* @vite-ignore */ file)) as { default: (props: unknown) => unknown }).default;
    await component({ params: Promise.resolve(params), searchParams: Promise.resolve({}), children: null });
  }
}

describe("pages", () => {
  for (const page of pages) {
    it(page.key, async () => {
      const segments = [...page.key.matchAll(/:(\w+)/g)].length;
      const probe = PAGE_PROBES[page.key] ?? (segments === 0 ? async () => ({}) : null);
      expect(probe, `no probe for the page ${page.key} in tests/authorization-matrix/probes.ts`).not.toBeNull();
      await checkRow(
        "pages",
        page.key,
        { side: sideOfUrl(page.key), skipTokens: true },
        async (w) => probe!(w),
        async (target, { session }) => {
          await presentSession(session);
          const code = await pageOutcome(() => renderPage(page, target));
          return { code, raw: code };
        },
      );
    });
  }
});

describe("server actions", () => {
  for (const action of actions) {
    it(action.key, async () => {
      const probe = ACTION_PROBES[action.key];
      expect(probe, `no probe for the server action ${action.key} in tests/authorization-matrix/probes.ts`).toBeDefined();
      const run = ((await import(/* @vite-ignore */ action.file)) as Record<string, (input: unknown) => Promise<ActionResult<unknown>>>)[action.name]!;
      await checkRow(
        "actions",
        action.key,
        { side: sideOfAction(action.key), skipTokens: true },
        async (w) => probe!.target(w),
        async (target, { session }) => {
          await presentSession(session);
          const result = await run(probe!.input(target, world));
          return { code: actionOutcome(result), raw: result };
        },
      );
    });
  }
});

describe("route handlers", () => {
  for (const route of routes) {
    it(route.key, async () => {
      const probe = ROUTE_PROBES[route.key];
      expect(probe, `no probe for the route ${route.key} in tests/authorization-matrix/probes.ts`).toBeDefined();
      expect(route.handler, `${route.key} is in the registry but no route file serves it`).not.toBeNull();
      const isApi = route.url.startsWith("/api/");
      const outcome = isApi ? apiOutcome : consoleRouteOutcome;
      await checkRow(
        "routes",
        route.key,
        { side: isApi ? null : sideOfUrl(route.url), skipTokens: false },
        async (w) => probe!.target(w),
        async (target, { session, token }) => {
          await presentSession(session);
          const params = stringParams(target, route.url);
          const path = Object.entries(params).reduce((url, [name, value]) => url.replace(new RegExp(`:${name}\\*?`), [value].flat().join("/")), route.url);
          // Next hands route handlers a NextRequest (next-auth reads its nextUrl).
          const handler = (request: Request, segment: Parameters<NonNullable<HandlerRoute["handler"]>>[1]) => route.handler!(new NextRequest(request), segment);
          const answer = probe!.answer
            ? await probe!.answer(target, world)
            : await call(handler, route.method, {
                token,
                params,
                path,
                query: probe!.query,
                body: probe!.body?.(target, world),
                rawBody: probe!.rawBody?.text,
                contentType: probe!.rawBody?.contentType,
              });
          return { code: outcome(answer), raw: { status: answer.status, body: answer.body } };
        },
        registryEndpoint(route.key)?.scope ?? null,
      );
    });
  }
});
