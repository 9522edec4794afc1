/**
 * Inputs shaped by an endpoint's own schema (the JSON Schema its zod schema documents, as in the OpenAPI document),
 * then damaged: at every node a value may turn into garbage, a required field may go missing, an unknown field may
 * appear, a string may sit just past its length limit. Mostly-right inputs get past the first checks and reach the
 * commands; wholly wrong ones test the first checks.
 */
import fc from "fast-check";
import { z } from "zod";
import { hostileString, hostileValue, idLike, valuesFor } from "./hostile-values";
import type { FuzzPools } from "./id-pools";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

/** The request side of a zod schema, as lib/api/openapi.ts documents it. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
}

/** How often a node is replaced by garbage, a required field dropped, an unknown field added (1 in N). */
const DAMAGE = { node: 14, drop: 16, extra: 8 };

/** The API's ID union (a number or a string of digits), or a positive integer whose field names IDs. */
function looksLikeId(schema: JsonSchema, hints: string[]): boolean {
  const branches = schema.anyOf ?? [schema];
  const numeric = branches.some((branch) => branch.type === "integer" && (branch.exclusiveMinimum === 0 || (branch.minimum ?? 0) >= 1));
  return numeric && (schema.anyOf !== undefined || hints.some((hint) => hint === "id" || hint.endsWith("_id")));
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The API's words for what the tables call otherwise (customers are managed users and workspaces). */
const ALIASES: Record<string, string[]> = {
  managed_user_id: ["customers"],
  permitted_workspace_id: ["customers"],
  team_collaborator_id: ["partner_members.user_id"],
  assignment_id: ["customer_members.user_id", "user_groups"],
  members: ["customer_members.user_id"],
  environment_roles: ["roles"],
};

/**
 * Where a field's values live, from its name: `role_id` → the roles table's IDs, then any `role_id` column;
 * `user_ids` → `user_id`; `roleName` → the names in roles; a path segment such as `user_groups` → that table.
 */
export function hintsFor(name: string | undefined): string[] {
  if (!name) return [];
  const key = snake(name);
  const single = key.endsWith("_ids") ? key.slice(0, -1) : key;
  const base = single.replace(/_(id|name)$/, "");
  const hints = [...(ALIASES[single] ?? [])];
  if (single.endsWith("_id")) hints.push(`${base}s`, single);
  else if (single.endsWith("_name")) hints.push(`${base}s.name`);
  else hints.push(single);
  return hints;
}

function stringOf(schema: JsonSchema, pools: FuzzPools, hints: string[]): fc.Arbitrary<string> {
  const known = hints.length > 0 ? valuesFor(pools.ours, hints, "\0").filter((value) => typeof value === "string") : [];
  if (known.length > 0) return fc.oneof(stringOf(schema, pools, []), fc.constantFrom(...known));
  if (schema.format === "email") return fc.emailAddress();
  if (schema.format === "uri") return fc.webUrl();
  if (schema.pattern && !schema.pattern.includes("(?<")) return fc.stringMatching(new RegExp(schema.pattern));
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? min + 30;
  const within = fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, min + 30) });
  // The limits themselves: exactly at the maximum, and one past it.
  const edges = fc.constantFrom(...new Set([max, max + 1, Math.max(0, min - 1)])).map((length) => "é".repeat(length));
  return fc.oneof({ weight: 6, arbitrary: within }, { weight: 1, arbitrary: edges });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000_000);
  const high = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000_000);
  const within = integer
    ? fc.integer({ min: Math.max(low, -2_147_483_648), max: Math.min(high, 2_147_483_647) })
    : fc.double({ min: low, max: high, noNaN: true });
  return fc.oneof({ weight: 6, arbitrary: within }, { weight: 1, arbitrary: fc.constantFrom(low - 1, high + 1, low, high) });
}

function objectOf(schema: JsonSchema, pools: FuzzPools): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) =>
    fc.tuple(fc.constant(key), required.has(key) ? fc.nat(DAMAGE.drop - 1).map((roll) => roll > 0) : fc.boolean(), damaged(property, pools, hintsFor(key))),
  );
  const knownKeys = Object.keys(schema.properties ?? {});
  // Unknown fields, the same names in the other case convention, and fields a client must never set.
  const extraKey = fc.oneof(
    fc.constantFrom("partner_id", "partnerId", "id", "created_at", "__proto__", "constructor", ...knownKeys.map(camel), ...knownKeys.map(snake)),
    fc.string({ maxLength: 12 }),
  );
  const extras = fc
    .nat(DAMAGE.extra - 1)
    .chain((roll) => (roll === 0 ? fc.dictionary(extraKey, hostileValue(pools), { minKeys: 1, maxKeys: 3 }) : fc.constant({})));
  return fc.tuple(fc.tuple(...fields), extras).map(([entries, extra]) => {
    const value: Record<string, unknown> = {};
    for (const [key, present, field] of entries) if (present) value[key] = field;
    for (const [key, field] of Object.entries(extra))
      if (!(key in value)) Object.defineProperty(value, key, { value: field, enumerable: true, writable: true, configurable: true });
    return value;
  });
}

/** A value that fits `schema` (before damage); `hints` say where values of its field live (see hintsFor). */
function fitting(schema: JsonSchema, pools: FuzzPools, hints: string[]): fc.Arbitrary<unknown> {
  if (looksLikeId(schema, hints)) return idLike(pools, hints);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => damaged(branch, pools, hints)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => fitting({ ...schema, type }, pools, hints)));
  switch (types[0]) {
    case "object":
      return objectOf(schema, pools);
    case "array":
      return fc.array(damaged(schema.items ?? {}, pools, hints), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 6, (schema.minItems ?? 0) + 6),
      });
    case "string":
      return stringOf(schema, pools, hints);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return hostileValue(pools);
  }
}

/** A value of `schema`, sometimes swapped for garbage. */
export function damaged(schema: JsonSchema, pools: FuzzPools, hints: string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: DAMAGE.node - 1, arbitrary: fitting(schema, pools, hints) }, { weight: 1, arbitrary: hostileValue(pools) });
}

/** A whole input: shaped by the schema most of the time, anything at all otherwise. */
export function inputOf(schema: JsonSchema, pools: FuzzPools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: damaged(schema, pools) },
    { weight: 1, arbitrary: hostileValue(pools) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, {}, [], "", 0) },
  );
}

/** A URL parameter's value: the schema's own (as text), an ID from the pools, or hostile text. */
export function parameterValue(schema: JsonSchema, pools: FuzzPools, hints: string[]): fc.Arbitrary<string> {
  const own = fitting(schema, pools, hints).map((value) => (typeof value === "string" ? value : (JSON.stringify(value) ?? "")));
  const references = pools.references.length > 0 ? fc.constantFrom(...pools.references) : fc.constant("E");
  return fc.oneof(
    { weight: 4, arbitrary: own },
    { weight: 3, arbitrary: idLike(pools, hints).map(String) },
    { weight: 1, arbitrary: references },
    { weight: 2, arbitrary: hostileString },
  );
}
