/**
 * Fuzzed REST requests for one endpoint, shaped by its own path, query and body schemas (the ones that validate
 * the request and generate the OpenAPI document), and the answers the API documents for them.
 */
import fc from "fast-check";
import { z } from "zod";
import type { AnyEndpoint } from "@/lib/api/endpoint";
import type { CallOptions } from "@/tests/support/api";
import { hostileString, rawBodies } from "./hostile-values";
import type { FuzzPools } from "./id-pools";
import { hintsFor, inputOf, jsonSchemaOf, parameterValue, type JsonSchema } from "./schema-arbitrary";

/** The statuses lib/api/openapi.ts documents for errors (ERROR_STATUSES there): anything else is a failure. */
export const DOCUMENTED_ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 429];

export interface FuzzedRequest {
  auth: "token" | "none" | "unknown token";
  options: CallOptions;
}

function propertiesOf(schema: z.ZodType | undefined): [string, JsonSchema][] {
  return schema ? Object.entries(jsonSchemaOf(schema).properties ?? {}) : [];
}

/** Where a path parameter's IDs live: `managed_user_id` by its name, a bare `{id}` by the segment before it. */
function pathHints(endpoint: AnyEndpoint, name: string): string[] {
  if (name !== "id") return hintsFor(name);
  const segments = endpoint.path.split("/");
  return hintsFor(segments[segments.indexOf("{id}") - 1]);
}

function pathParams(endpoint: AnyEndpoint, pools: FuzzPools): fc.Arbitrary<Record<string, string>> {
  const entries = propertiesOf(endpoint.params).map(([name, schema]) => fc.tuple(fc.constant(name), parameterValue(schema, pools, pathHints(endpoint, name))));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs));
}

/** The query string: the documented parameters (each present or not), unknown and repeated ones, or raw garbage. */
function queryString(endpoint: AnyEndpoint, pools: FuzzPools): fc.Arbitrary<string> {
  const documented = propertiesOf(endpoint.query).map(([name, schema]) =>
    fc.option(fc.tuple(fc.constant(name), parameterValue(schema, pools, hintsFor(name))), { nil: null }),
  );
  const unknown = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom("plan[]", "page", "sort", "q", "partner_id", "__proto__"), fc.string({ maxLength: 8 })), hostileString),
    { maxLength: 2 },
  );
  const shaped = fc.tuple(fc.tuple(...documented), unknown).map(([pairs, extra]) => {
    const search = new URLSearchParams();
    for (const pair of [...pairs, ...extra]) if (pair) search.append(pair[0], pair[1]);
    return search.toString();
  });
  const raw = fc.constantFrom("%", "%zz", "&&=&", "q=%00", "q=%E0%A4%A", "a=1&a=2&a[]=3", `q=${"%27".repeat(3000)}`, "page=1e999&size=-0");
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: raw });
}

function body(endpoint: AnyEndpoint, pools: FuzzPools): fc.Arbitrary<Pick<CallOptions, "body" | "rawBody" | "contentType">> {
  if (!endpoint.body) return fc.constant({});
  const json = inputOf(jsonSchemaOf(endpoint.body), pools).map((value) => (value === undefined ? {} : { body: value }));
  const raw = rawBodies.map((rawBody) => ({ rawBody }));
  const wrongType = fc
    .tuple(
      inputOf(jsonSchemaOf(endpoint.body), pools),
      fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/xml", ""),
    )
    .map(([value, contentType]) => ({ rawBody: JSON.stringify(value) ?? "null", contentType }));
  return fc.oneof({ weight: 16, arbitrary: json }, { weight: 2, arbitrary: raw }, { weight: 1, arbitrary: wrongType });
}

export function fuzzedRequests(endpoint: AnyEndpoint, pools: FuzzPools): fc.Arbitrary<FuzzedRequest> {
  const auth = fc.oneof(
    { weight: 30, arbitrary: fc.constant<FuzzedRequest["auth"]>("token") },
    { weight: 1, arbitrary: fc.constantFrom<FuzzedRequest["auth"]>("none", "unknown token") },
  );
  return fc
    .record({ auth, params: pathParams(endpoint, pools), query: queryString(endpoint, pools), body: body(endpoint, pools) })
    .map(({ auth, params, query, body }) => ({
      auth,
      options: { params, query, ...body },
    }));
}
