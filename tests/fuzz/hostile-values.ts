/**
 * Values nobody should send, for the fuzz suites (issue #7): wrong types, nulls, negative and enormous numbers,
 * huge and odd Unicode strings, SQL and HTML metacharacters, deeply nested JSON and the IDs of other partners.
 */
import fc from "fast-check";
import { MAX_RECORD_ID } from "@/lib/ids";

/** Strings that break naive SQL, LIKE patterns, HTML, templates, URLs, CSV and PostgreSQL's text type. */
export const METACHARACTERS = [
  "'",
  '"',
  "\\",
  "';--",
  "' OR '1'='1",
  "1; DROP TABLE customers;--",
  "%",
  "_",
  "%_%",
  "\\%",
  "$1",
  "::int",
  "/*",
  "E'\\x00'",
  "\u0000",
  "a\u0000b",
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "&lt;&amp;&#x27;",
  "{{7*7}}",
  "${7*7}",
  "=cmd|' /C calc'!A0",
  "../../etc/passwd",
  "%00",
  "%zz",
  "\r\nSet-Cookie: a=b",
  "\uFEFF",
  "\u202Eevil",
  "\u200B",
  "\uD800",
  "\uDFFF",
  "👩‍👩‍👧‍👦",
  "Z̸̢̛̗̝a̶̧͎̓l̷̢̈g̵̱̈́o̴̡͐",
  "ﷺ",
  "İı",
  "   ",
  "",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "0x10",
  "1.5",
  "  7  ",
  "9".repeat(30),
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];

/** Numbers at and past every limit an ID or a count can have. */
export const EDGE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -2_147_483_648,
  MAX_RECORD_ID,
  2_147_483_648,
  4_294_967_296,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.EPSILON,
];

/** Long strings are repeated characters, so that making one costs nothing; one of them is past the API's 1 MB. */
const HUGE_LENGTHS = [201, 301, 1_001, 4_097, 65_536, 300_000];

const hugeString = fc
  .tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom("a", "é", "%", "'", "<", "𝔘", "\u0000", "9"))
  .map(([length, unit]) => unit.repeat(length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...METACHARACTERS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METACHARACTERS), fc.string({ maxLength: 8 })).map(([a, b]) => a + b) },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** An array or object nested `depth` levels deep (built directly: generating it node by node would be slow). */
function nested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "deep";
  for (let level = 0; level < depth; level += 1) value = kind === "array" ? [value] : { a: value };
  return value;
}

const deeplyNested = fc
  .tuple(fc.constantFrom(8, 64, 512, 2_000), fc.constantFrom("array" as const, "object" as const))
  .map(([depth, kind]) => nested(depth, kind));

/** Values found in a partner's rows, by table (`customers`: its IDs), column (`user_id`, `roles.name`), and "" (every ID). */
export type KeyedValues = Record<string, (number | string)[]>;

/** The IDs a request may name: its own partner's, another partner's, or none at all. */
export interface IdPools {
  ours: KeyedValues;
  theirs: KeyedValues;
}

/** The values under the first of `hints` that the partner has, else under `fallback`. */
export function valuesFor(values: KeyedValues, hints: string[], fallback = ""): (number | string)[] {
  for (const hint of hints) if (values[hint]?.length) return values[hint];
  return values[fallback] ?? [];
}

const pick = <T>(list: T[], otherwise: fc.Arbitrary<T>) => (list.length > 0 ? fc.constantFrom(...list) : otherwise);

/**
 * An ID, as a number or as a string of digits (the API takes both, rule A8), or a near miss. `hints` name where the
 * field's IDs live (`customers`, `user_id`): mostly one of ours from there, often the other partner's from there.
 */
export function idLike(pools: IdPools, hints: string[] = []): fc.Arbitrary<number | string> {
  const random = fc.integer({ min: 1, max: MAX_RECORD_ID });
  const ours = pick(
    valuesFor(pools.ours, hints).filter((value) => typeof value === "number"),
    random,
  );
  const theirs = pick(
    valuesFor(pools.theirs, hints).filter((value) => typeof value === "number"),
    random,
  );
  const anyOfOurs = pick(pools.ours[""] ?? [], random);
  const anyId = fc.oneof(
    { weight: 6, arbitrary: ours },
    { weight: 3, arbitrary: theirs },
    { weight: 1, arbitrary: anyOfOurs },
    { weight: 1, arbitrary: random },
  );
  return fc.oneof(
    { weight: 5, arbitrary: anyId },
    { weight: 2, arbitrary: anyId.map(String) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(anyId, fc.constantFrom(" ", "0", ".0", "-", "e0", "+"))
        .map(([id, extra]) => (extra === "-" || extra === "+" || extra === "0" ? `${extra}${id}` : `${id}${extra}`)),
    },
  );
}

/** Any JSON-able value of the wrong kind: the garbage mixed into every input. */
export function hostileValue(pools: IdPools): fc.Arbitrary<unknown> {
  const leaf: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 3, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 2, arbitrary: idLike(pools) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("__proto__", "constructor", "id", "partner_id", "partnerId")), leaf, {
        maxKeys: 4,
      }),
    },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** A request body that is not what any endpoint reads: not JSON, half JSON, nested past any sense, or past 1 MB. */
export const rawBodies: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("{", "[", '{"a":', "nul", "'single'", "\u0000", "{}garbage", "\uFEFF{}", "NaN", "1e999", '{"a":1,"a":2}'),
  fc.constantFrom(20_000, 200_000).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.constant(`{"name":"${"x".repeat(1024 * 1024)}"}`),
  fc.string({ unit: "binary", maxLength: 30 }),
);
