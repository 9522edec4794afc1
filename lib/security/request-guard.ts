/**
 * What the custom server (scripts/server.ts) settles before a request reaches Next.js, because Next.js answers both
 * with a 500 of its own, before proxy.ts or any route runs:
 *
 * - A path segment that does not percent-decode (a lone `%`, `%FF`, an overlong `%C0%AF`, a surrogate `%ED%A0%80`):
 *   Next.js decodes the route's parameters from the request's own URL and throws. The REST API answers 400 in its
 *   error shape, before authentication (no route, no token check has run), or 404 where the segment stands for an ID
 *   (the API's answer to an ID that names nothing); a page gets the segment taken literally
 *   (its `%` escaped as `%25`), so that the page's own parameter check answers with its not-found page, and an
 *   anonymous visitor is sent to sign-in as for any other page.
 * - A server action posted with an `Origin` of another host (a replayed or cross-site action): Next.js refuses to run
 *   it but answers 500. It is answered 403 here, by the same comparison Next.js makes (the first
 *   `X-Forwarded-Host`, else `Host`, and the configured `serverActions.allowedOrigins`).
 *
 * No `server-only`: it runs in the plain Node.js server, before Next.js. The allowed origins are matched by Next.js's
 * own function, so that this refuses exactly what Next.js would.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";
import type { ApiErrorBody } from "@/lib/transport/errors";
import { API_CONTENT_SECURITY_POLICY } from "./content-security-policy";

/** Whether a path segment percent-decodes to text (decodeURIComponent refuses exactly the malformed and non-UTF-8 escapes). */
function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function splitUrl(url: string): { pathname: string; rest: string } {
  const end = url.search(/[?#]/);
  return end === -1 ? { pathname: url, rest: "" } : { pathname: url.slice(0, end), rest: url.slice(end) };
}

/** The path with every segment that does not decode taken literally, or null when every segment decodes. */
export function literalPath(url: string): string | null {
  const { pathname, rest } = splitUrl(url);
  const segments = pathname.split("/");
  if (segments.every(decodes)) return null;
  return segments.map((segment) => (decodes(segment) ? segment : segment.replaceAll("%", "%25"))).join("/") + rest;
}

function firstMalformedIndex(url: string): number {
  return splitUrl(url)
    .pathname.split("/")
    .findIndex((segment) => !decodes(segment));
}

/**
 * The REST API's paths alternate names and IDs after `/api`: `/api/managed_users/{id}/members/{id}/privileges`. So
 * segments 3, 5… (counting the empty one before the first slash as 0) are where IDs stand.
 */
export function isIdPosition(index: number): boolean {
  return index >= 3 && index % 2 === 1;
}

export function isApiPath(url: string): boolean {
  const { pathname } = splitUrl(url);
  return pathname === "/api" || pathname.startsWith("/api/");
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value?.split(",")[0]?.trim());

/** A server action whose `Origin` names another host than the one it was sent to (Next.js would refuse it with a 500). */
export function isForeignServerAction(request: Pick<IncomingMessage, "method" | "headers">, allowedOrigins: readonly string[] = []): boolean {
  if (request.method !== "POST" || request.headers["next-action"] === undefined) return false;
  const origin = first(request.headers.origin);
  // Without Origin (a hand-made request, or an old browser) Next.js lets the action through: it carries no cookie
  // the sender did not have.
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = first(request.headers["x-forwarded-host"]) || first(request.headers.host);
  if (host && originHost === host) return false;
  return !isCsrfOriginAllowed(originHost, [...allowedOrigins]);
}

function answer(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    "content-type": contentType,
    "cache-control": "no-store",
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  response.end(body);
}

/**
 * Answers the request itself when it is one of the above (true), or makes it safe to hand to Next.js (false; the
 * request's URL may have been rewritten).
 */
export function guardRequest(request: IncomingMessage, response: ServerResponse, options: { allowedOrigins?: readonly string[] } = {}): boolean {
  const url = request.url ?? "/";
  const literal = literalPath(url);
  if (literal !== null) {
    if (isApiPath(url)) {
      // The REST API's error shape (lib/transport/errors.ts). Where the segment stands for a record's ID, the API's rule for
      // an ID that names nothing applies: 404.
      const idPosition = isIdPosition(firstMalformedIndex(url));
      const body: ApiErrorBody = {
        message: idPosition
          ? "Not found: the ID in the URL path is malformed, with a percent sign that does not begin a valid UTF-8 escape."
          : "The URL path is malformed: it has a percent sign that does not begin a valid UTF-8 escape.",
        errors: { path: ["Malformed percent-encoding."] },
      };
      answer(response, idPosition ? 404 : 400, "application/json", JSON.stringify(body));
      return true;
    }
    request.url = literal;
  }
  if (isForeignServerAction(request, options.allowedOrigins)) {
    answer(response, 403, "text/plain; charset=utf-8", "This action was sent from another site, and was not run.");
    return true;
  }
  return false;
}
