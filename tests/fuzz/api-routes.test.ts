/**
 * Issue #7, "Bad input": every REST endpoint of the registry (lib/api/registry.ts, so a new endpoint is fuzzed
 * without touching this file) gets fuzzRuns() generated requests (1,000 on PostgreSQL): wrong types, missing and
 * extra fields, huge and Unicode strings, nulls, edge numbers, SQL and HTML metacharacters, deeply nested and
 * malformed JSON, and the other partner's IDs. Whatever comes in: never a 5xx and nothing logged as unexpected,
 * errors in the one documented shape with a documented status (rule A-series, lib/transport/errors.ts), Acme's rows
 * unchanged after every refused request, and Globex's rows unchanged after every request (decision D8).
 */
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RATE_GROUPS } from "@/lib/api/rate-limit";
import { API_ENDPOINTS } from "@/lib/api/registry";
import { apiRoute } from "@/lib/transport/api-route";
import { call, expectErrorShape } from "@/tests/support/api";
import { DOCUMENTED_ERROR_STATUSES, fuzzedRequests } from "./api-requests";
import { digestWatch, fuzzFixture, type FuzzFixture } from "./fuzz-fixture";
import { fuzzParameters, FuzzTally } from "./fuzz-runs";

const tally = new FuzzTally("REST API");

// Endpoints that only read share one fixture; after an endpoint whose requests changed Acme's rows (deleted a
// customer, say), the next one gets a fresh fixture, so that every endpoint meets the full set of rows.
let shared: FuzzFixture | null = null;

beforeAll(() => {
  // The rate limit is tested on its own (route.test.ts); here every request must reach validation.
  for (const group of Object.keys(RATE_GROUPS)) process.env[`API_RATE_LIMIT_${group.toUpperCase()}`] = "1000000000";
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => console.log(tally.summary()));

describe("every REST endpoint, under fuzzed requests (issue #7)", () => {
  it.each(API_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))("%s", async (name, endpoint) => {
    const fixture = (shared ??= await fuzzFixture());
    const handler = apiRoute(endpoint);
    const unexpected = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The clock stands still, so that the token's once-a-minute last_used_at is written by the first request only.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    await call(handler, endpoint.method, { token: fixture.token });
    const watch = digestWatch(fixture);
    await watch.start();

    await fc.assert(
      fc.asyncProperty(fuzzedRequests(endpoint, fixture.pools), async ({ auth, options }) => {
        unexpected.mockClear();
        const token = auth === "token" ? fixture.token : auth === "unknown token" ? `pcak_${"x".repeat(40)}` : null;
        const { status, body } = await call(handler, endpoint.method, { ...options, token });
        tally.record(name, String(status), status >= 500);
        const changes = await watch.changes();
        if (changes.ours) shared = null;
        expect(status, JSON.stringify(body)).toBeLessThan(500);
        expect(unexpected).not.toHaveBeenCalled();
        expect(changes.theirs, "another partner's rows changed").toBe(false);
        if (status >= 400) {
          expectErrorShape(body);
          expect(DOCUMENTED_ERROR_STATUSES).toContain(status);
          expect(changes.ours, `a refused request (${status}) changed the partner's rows`).toBe(false);
        } else {
          expect(status).toBe(endpoint.status ?? 200);
        }
      }),
      fuzzParameters(),
    );
  });
});
