import "server-only";
import { z } from "zod";
import { fieldErrorsOf, unstorableTextErrors, type FieldErrors } from "@/lib/errors";
import { authenticateToken } from "@/lib/api-clients/authenticate";
import { hasScope } from "@/lib/api-clients/scopes";
import { now } from "@/lib/clock";
import type { AnyEndpoint } from "@/lib/api/endpoint";
import { takeRequest } from "@/lib/api/rate-limit";
import { apiFailure, apiFieldErrors, errorResponse } from "./errors";
import { readUpload } from "@/lib/customer-import/read-upload";

export const MAX_BODY_BYTES = 1024 * 1024;

type RouteSegment = { params?: Promise<Record<string, string | string[] | undefined>> };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

function validationResponse(error: z.ZodError | FieldErrors, where: string): Response {
  const errors = apiFieldErrors(error instanceof z.ZodError ? fieldErrorsOf(error) : error);
  const names = Object.keys(errors).filter((key) => key !== "form");
  const message = names.length > 0 ? `Invalid ${where}: ${names.join(", ")}.` : `Invalid ${where}.`;
  return errorResponse(400, message, errors);
}

/** The body as JSON, or the error response to send: 415 for a body that is not JSON, 413 past 1 MB, 400 if malformed. */
async function readBody(request: Request): Promise<{ value: unknown } | { refusal: Response }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { refusal: errorResponse(413, "The request body is larger than 1 MB.") };
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return { refusal: errorResponse(413, "The request body is larger than 1 MB.") };
  if (bytes.byteLength === 0) return { value: {} };
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    return { refusal: errorResponse(415, "Send the body as JSON, with Content-Type: application/json.") };
  }
  try {
    return { value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { refusal: errorResponse(400, "The request body is not valid JSON.", { body: ["Malformed JSON."] }) };
  }
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;
const hasUnstorableText = (value: unknown) => hasErrors(unstorableTextErrors(value));

function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] ??= value;
  return query;
}

/**
 * The one wrapper of every REST route handler. In order: the bearer token (never the session cookie) → 401, the
 * client's scope → 403, the rate limit → 429 with Retry-After, the URL parameters, query and JSON body against the
 * endpoint's zod schemas → 400/413/415, then the handler, whose DomainErrors become their statuses. An unreachable
 * database (token check included) answers 503 with Retry-After; anything else unexpected is logged and answered
 * 503 "try again", never a 500 with internals.
 */
export function apiRoute(endpoint: AnyEndpoint) {
  return async (request: Request, segment: RouteSegment): Promise<Response> => {
    try {
      const token = bearerToken(request);
      const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
      const ctx = token
        ? await authenticateToken(token, { now: now(), ip: forwarded || request.headers.get("x-real-ip"), userAgent: request.headers.get("user-agent") })
        : null;
      if (!ctx || ctx.actor.kind !== "api_client") {
        return errorResponse(401, "Send a valid API token as Authorization: Bearer <api_token>.", {}, { "www-authenticate": "Bearer" });
      }
      if (!hasScope(ctx.actor.scopes, endpoint.scope)) {
        return errorResponse(403, `This API client lacks the ${endpoint.scope} permission.`);
      }
      const retryAfter = await takeRequest(ctx.actor.apiClientId, endpoint.rateGroup);
      if (retryAfter !== null) {
        return errorResponse(429, "Too many requests: slow down and retry later.", {}, { "retry-after": String(retryAfter) });
      }
      const params = (endpoint.params ?? z.object({})).safeParse((await segment?.params) ?? {});
      // An ID that cannot exist answers like one that does not (decision D8).
      if (!params.success || hasUnstorableText(params.data)) return errorResponse(404, "Not found.");
      const url = new URL(request.url);
      const query = (endpoint.query ?? z.object({})).safeParse(queryObject(url));
      if (!query.success) return validationResponse(query.error, "query parameters");
      // All of the query, also what the schema leaves to the handler (the Customers view reads the URL itself).
      const unstorableQuery = unstorableTextErrors(queryObject(url));
      if (hasErrors(unstorableQuery)) return validationResponse(unstorableQuery, "query parameters");
      let body: unknown = undefined;
      if (endpoint.body) {
        const read = await readBody(request);
        if ("refusal" in read) return read.refusal;
        const parsed = endpoint.body.safeParse(read.value);
        if (!parsed.success) return validationResponse(parsed.error, "request body");
        const unstorable = unstorableTextErrors(parsed.data);
        if (hasErrors(unstorable)) return validationResponse(unstorable, "request body");
        body = parsed.data;
      }
      let upload: Uint8Array | undefined;
      if (endpoint.upload) {
        const read = await readUpload(request, endpoint.upload.maxBytes);
        if ("tooLarge" in read) return errorResponse(413, `The file is larger than ${endpoint.upload.maxBytes / (1024 * 1024)} MB.`);
        upload = read.bytes;
      }
      const result = await endpoint.handler(ctx, { params: params.data, query: query.data, body, upload, url });
      return Response.json(result, { status: endpoint.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (error) {
      return apiFailure(error, { route: `${endpoint.method} ${endpoint.path}` });
    }
  };
}
