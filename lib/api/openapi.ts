import "server-only";
import { z } from "zod";
import type { AnyEndpoint } from "./endpoint";
import { RATE_GROUPS, rateLimitOf } from "./rate-limit";
import { API_ENDPOINTS } from "./registry";

type JsonSchema = Record<string, unknown>;

/** The request side of a schema (what a client sends: IDs as numbers or strings, before transforms). */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  void $schema;
  return rest;
}

function outputSchema(schema: z.ZodType): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  void $schema;
  return rest;
}

const errorSchema = z.object({
  message: z.string().describe("What went wrong, naming each bad field."),
  errors: z.record(z.string(), z.array(z.string())).describe("One list of messages per bad field (snake_case); may be empty."),
});

const ERROR_STATUSES: Record<string, string> = {
  "400": "Malformed JSON, wrong types, unknown IDs in the body or missing required fields.",
  "401": "No valid API token.",
  "403": "The API client lacks the permission this endpoint needs.",
  "404": "The record does not exist, or belongs to another partner.",
  "409": "A conflict, such as a duplicate external ID.",
  "413": "The body is larger than 1 MB.",
  "415": "The body is not JSON.",
  "429": "Past the client's rate limit; retry after the Retry-After header's seconds.",
};

function parameters(endpoint: AnyEndpoint): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", endpoint.params],
    ["query", endpoint.query],
  ] as const) {
    if (!schema) continue;
    const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: property,
        ...(typeof property.description === "string" ? { description: property.description } : {}),
      });
    }
  }
  return list;
}

function operation(endpoint: AnyEndpoint): JsonSchema {
  const limit = rateLimitOf(endpoint.rateGroup);
  const responses: Record<string, JsonSchema> = {
    [String(endpoint.status ?? 200)]: { description: "Success", content: { "application/json": { schema: outputSchema(endpoint.response) } } },
  };
  for (const [status, description] of Object.entries(ERROR_STATUSES)) {
    if (!endpoint.body && !(endpoint.upload && status === "413") && ["413", "415"].includes(status)) continue;
    responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return {
    operationId: `${endpoint.method.toLowerCase()}${endpoint.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, next?: string) => (next ? next.toUpperCase() : ""))}`,
    summary: endpoint.summary,
    description: [endpoint.description, `Needs the \`${endpoint.scope}\` permission. Rate limit: ${limit} requests a minute per client.`]
      .filter(Boolean)
      .join("\n\n"),
    tags: [endpoint.tag],
    parameters: parameters(endpoint),
    ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema(endpoint.body) } } } } : {}),
    ...(endpoint.upload ? { requestBody: { required: true, content: { [endpoint.upload.contentType]: { schema: { type: "string" } } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, built from the same zod schemas that validate the requests. */
export function openApiDocument(endpoints: readonly AnyEndpoint[] = API_ENDPOINTS): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints) (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint);
  return {
    openapi: "3.1.0",
    info: {
      title: "Partner console REST API",
      version: "1.0.0",
      description: [
        "Send `Authorization: Bearer <api_token>` (create a token on the API clients page) and JSON bodies.",
        'Every error has one shape: `{"message": "…", "errors": {"field": ["…"]}}`.',
        "IDs are accepted as numbers or as strings of digits.",
        `Rate limits per client and group of endpoints, per minute: ${Object.keys(RATE_GROUPS)
          .map((group) => `${group} ${rateLimitOf(group as keyof typeof RATE_GROUPS)}`)
          .join(", ")}.`,
      ].join("\n\n"),
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((endpoint) => endpoint.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API client's token (pcak_…)." } },
      schemas: { Error: outputSchema(errorSchema) },
    },
  };
}
