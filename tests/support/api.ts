/**
 * Calls REST route handlers as Next would: a `Request` and the route's params. Tokens come from `createApiClient`,
 * the same command as the console's dialog.
 */
import { authenticateToken } from "@/lib/api-clients/authenticate";
import { createApiClient } from "@/lib/api-clients/commands";
import { createApiClientSchema, type CreateApiClientInput } from "@/lib/api-clients/input";
import { API_SCOPES, ENVIRONMENT_TYPES } from "@/lib/api-clients/scopes";
import type { RequestContext } from "@/lib/context";
import { adminContext } from "./factories";

type Handler = (request: Request, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

export async function apiToken(
  partner: { id: number; name: string },
  admin: { id: number; name: string; email: string },
  overrides: Partial<CreateApiClientInput> = {},
): Promise<string> {
  const input = createApiClientSchema.parse({
    name: "Test client",
    scopes: [...API_SCOPES],
    environmentTypes: [...ENVIRONMENT_TYPES],
    ...overrides,
  });
  return (await createApiClient(adminContext(partner, admin), input)).token;
}

/** The context of a new API client of the partner (every scope and environment unless told), as the REST API builds it. */
export async function apiClientContext(
  partner: { id: number; name: string },
  admin: { id: number; name: string; email: string },
  overrides: Partial<CreateApiClientInput> = {},
): Promise<RequestContext> {
  return clientContextOf(await apiToken(partner, admin, overrides));
}

/** The context an API token authenticates as. */
export async function clientContextOf(token: string): Promise<RequestContext> {
  const ctx = await authenticateToken(token, { now: new Date(), ip: "127.0.0.1", userAgent: "vitest" });
  if (!ctx) throw new Error("the token does not authenticate");
  return ctx;
}

export interface CallOptions {
  token?: string | null;
  params?: Record<string, string | string[]>;
  body?: unknown;
  /** A raw body, sent as it is. */
  rawBody?: string;
  contentType?: string;
  query?: string;
  /** The request's path (some handlers read it); `/api/test` when not given. */
  path?: string;
}

export async function call(handler: Handler, method: string, options: CallOptions = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (method === "GET" || method === "HEAD") body = undefined;
  if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const request = new Request(`http://localhost${options.path ?? "/api/test"}${options.query ? `?${options.query}` : ""}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  // JSON answers parsed; anything else (a CSV export) as its text.
  const json = (response.headers.get("content-type") ?? "application/json").includes("json");
  return { status: response.status, body: text ? (json ? JSON.parse(text) : text) : null, headers: response.headers };
}

/** The one error shape (lib/transport/errors.ts). */
export function expectErrorShape(body: unknown): asserts body is { message: string; errors: Record<string, string[]> } {
  const value = body as { message?: unknown; errors?: unknown };
  if (typeof value?.message !== "string" || typeof value.errors !== "object" || value.errors === null || Object.keys(value).length !== 2) {
    throw new Error(`Not the API error shape: ${JSON.stringify(body)}`);
  }
}

/**
 * Waits, if needed, until the current minute has more than `marginMs` left: the API's rate-limit windows are the
 * clock's minutes, and a test that counts requests in one window must not straddle two.
 */
export async function clearOfMinuteEnd(marginMs = 5_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
