/**
 * Issue #7, "Bad input", for the Customers table's URL (rule U1: the view lives in the URL, and a malformed URL
 * falls back to defaults): fuzzRuns() fuzzed query strings (1,000 on PostgreSQL) of search, status, plan and app
 * filters, dates, sort, page size, page and keyset cursors, through the page's own parser
 * (customerQueryFromSearchParams) and loader (loadCustomersPage). The parser never throws and gives a valid view;
 * the SQL runs, returns only Acme's customers, and writes nothing. The REST list (GET /api/managed_users) takes the
 * same parameters and is fuzzed with the other endpoints in api-routes.test.ts.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { customerQueryFromSearchParams, parseCustomerQuery, JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS } from "@/lib/customers/query-input";
import { loadCustomersPage } from "@/lib/customers/reads/table";
import { encodeCursor } from "@/lib/customers/reads/cursor";
import { adminContext } from "@/tests/support/factories";
import { digestWatch, fuzzFixture } from "./fuzz-fixture";
import { fuzzParameters, FuzzTally } from "./fuzz-runs";
import { hostileString, idLike } from "./hostile-values";

const tally = new FuzzTally("Customers table URL");
afterAll(() => console.log(tally.summary()));

describe("the Customers table's URL, fuzzed (issue #7, rule U1)", () => {
  it("never throws, falls back to a valid view, and runs its SQL on Acme's customers only", async () => {
    const fixture = await fuzzFixture();
    const ctx = adminContext(fixture.acme.partner, fixture.acme.admin);
    const ourCustomers = new Set(fixture.pools.ours.customers);
    const watch = digestWatch(fixture);
    await watch.start();

    const planIds = idLike(fixture.pools, ["plans"]).map(String);
    const cursor = fc.oneof(
      fc.tuple(fc.oneof(fc.string(), fc.integer()), idLike(fixture.pools, ["customers"])).map(([value, id]) => encodeCursor({ value, id: Number(id) })),
      hostileString,
      fc.base64String({ maxLength: 40 }),
    );
    const values: Record<string, fc.Arbitrary<string>> = {
      q: fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), hostileString),
      status: fc.constantFrom(...STATUS_TABS),
      plan: fc.array(fc.oneof(planIds, hostileString), { maxLength: 4 }).map((ids) => ids.join(",")),
      app: idLike(fixture.pools, ["apps"]).map(String),
      joined: fc.constantFrom(...JOINED_PRESETS),
      from: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        fc.constantFrom("2024-02-30", "0000-00-00", "9999-12-31"),
      ),
      to: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        fc.constantFrom("2024-13-01", "-001-01-01"),
      ),
      sort: fc.constantFrom(...SORT_KEYS),
      dir: fc.constantFrom("asc", "desc"),
      size: fc.constantFrom(...PAGE_SIZES.map(String)),
      page: fc.oneof(fc.integer({ min: 1, max: 100 }).map(String), fc.constantFrom("0", "-1", "1e9", "10000001", "2.5")),
      after: cursor,
      before: cursor,
      last: fc.constantFrom("true", "false", "1"),
    };
    const parameter = fc.oneof(
      ...Object.entries(values).map(([key, value]) =>
        fc.tuple(fc.constant(key), fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: hostileString })),
      ),
      fc.tuple(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("plan[]", "__proto__", "sort[]")), hostileString),
    );
    const url = fc.array(parameter, { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs));

    await fc.assert(
      fc.asyncProperty(url, async (search) => {
        const query = customerQueryFromSearchParams(search);
        // What a URL reads as is a view within bounds: read again, it is the same view.
        expect(parseCustomerQuery(query)).toEqual(query);
        const page = await loadCustomersPage(ctx, query);
        tally.record("customers", page.table.rows.length > 0 ? "rows" : "no rows", false);
        for (const row of page.table.rows) expect(ourCustomers.has(row.id)).toBe(true);
        const changes = await watch.changes();
        expect(changes).toMatchObject({ ours: false, theirs: false });
      }),
      fuzzParameters(),
    );
  });
});
