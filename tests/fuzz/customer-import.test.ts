/**
 * Issue 17, "Bad input": the CSV import's parser and its REST endpoint under generated files — CSV-like text built
 * from the characters that matter (delimiters, quotes, line ends, a BOM, invisible and formula characters), random
 * bytes (other encodings, binary), and valid-looking customers rows. Whatever comes in: the parser answers rows or
 * a CsvFileError naming a line within the file, never another exception; the endpoint never answers 5xx, answers
 * errors in the one documented shape, and never changes another partner's rows.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createCustomerImport } from "@/lib/api/endpoints/customer-imports";
import { apiRoute } from "@/lib/transport/api-route";
import { CsvFileError, readCsvFile } from "@/lib/customer-import/csv-file";
import { guessMapping } from "@/lib/customer-import/mapping";
import { validateRows } from "@/lib/customer-import/validate-rows";
import { expectErrorShape } from "@/tests/support/api";
import { DOCUMENTED_ERROR_STATUSES } from "./api-requests";
import { digestWatch, fuzzFixture } from "./fuzz-fixture";
import { fuzzParameters, FuzzTally } from "./fuzz-runs";
import { hostileString } from "./hostile-values";

const tally = new FuzzTally("CSV import");
afterAll(() => console.log(tally.summary()));

const pieces = fc.constantFrom(
  ",",
  '"',
  '""',
  "\r\n",
  "\n",
  "\r",
  "\uFEFF",
  "\u200B",
  "=",
  "+",
  "@",
  "-",
  "\t",
  " ",
  "a",
  "Zürich",
  "😀",
  "\u0000",
  "nw-1",
  "x@y.example",
  "Starter",
);
const csvLike = fc.array(pieces, { maxLength: 60 }).map((parts) => new TextEncoder().encode(parts.join("")));
const header = fc.shuffledSubarray(["External ID", "Name", "Email", "Plan", "Trial", "Notes"], { minLength: 1 });
const rowsLike = fc
  .tuple(
    header,
    fc.array(
      fc.array(fc.oneof(hostileString, fc.constantFrom("Starter", "Growth", "Free", "yes", "no", "dup", "a@b.example")), { minLength: 0, maxLength: 7 }),
      { maxLength: 8 },
    ),
  )
  .map(([columns, rows]) =>
    new TextEncoder().encode(
      [columns, ...rows].map((cells) => cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")).join("\r\n"),
    ),
  );
const anyBytes = fc.uint8Array({ maxLength: 200 });
const files = fc.oneof(csvLike, rowsLike, anyBytes);

const lineCount = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split(/\r\n|\n|\r/).length;

describe("CSV import parser, under generated files", () => {
  it("answers rows or a CsvFileError naming a line of the file; validation never throws", () => {
    fc.assert(
      fc.property(files, (bytes) => {
        let file;
        try {
          file = readCsvFile(bytes);
        } catch (error) {
          tally.record("readCsvFile", "refused", false);
          expect(error).toBeInstanceOf(CsvFileError);
          const { line } = error as CsvFileError;
          if (line !== null) {
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lineCount(bytes));
          }
          return;
        }
        tally.record("readCsvFile", "read", false);
        for (const row of file.rows) expect(row.cells).toHaveLength(file.header.length);
        const rows = validateRows(file, guessMapping(file.header), {
          plans: [
            { id: 1, name: "Starter", isFree: false },
            { id: 2, name: "Free", isFree: true },
          ],
          knownExternalIds: new Set(["dup"]),
        });
        expect(rows).toHaveLength(file.rows.length);
      }),
      { ...fuzzParameters(), numRuns: fuzzParameters().numRuns! * 10 },
    );
  });
});

describe("POST /api/customer_imports, under generated files", () => {
  it("never answers 5xx, answers errors in the documented shape, and leaves the other partner's rows alone", async () => {
    const fixture = await fuzzFixture();
    const handler = apiRoute(createCustomerImport);
    const watch = digestWatch(fixture);
    await watch.start();
    const unexpected = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await fc.assert(
      fc.asyncProperty(
        files,
        fc.constantFrom("", "?dry_run=true", "?skip_errors=true", '?mapping={"externalId":0}', "?mapping=%7B", "?file_name=%00"),
        async (bytes, query) => {
          unexpected.mockClear();
          const request = new Request(`http://localhost/api/customer_imports${query}`, {
            method: "POST",
            headers: { authorization: `Bearer ${fixture.token}`, "content-type": "text/csv" },
            body: bytes,
          });
          const response = await handler(request, { params: Promise.resolve({}) });
          const body: unknown = await response.json();
          tally.record("POST /api/customer_imports", String(response.status), response.status >= 500);
          expect(response.status, JSON.stringify(body)).toBeLessThan(500);
          expect(unexpected).not.toHaveBeenCalled();
          const changes = await watch.changes();
          expect(changes.theirs).toBe(false);
          if (response.status >= 400) {
            expectErrorShape(body);
            expect(DOCUMENTED_ERROR_STATUSES).toContain(response.status);
          }
        },
      ),
      fuzzParameters(),
    );
    unexpected.mockRestore();
    // FUZZ_RUNS=1000 on PostgreSQL is a thousand uploads, each validated and stored.
  }, 600_000);
});
