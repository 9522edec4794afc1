import { NextResponse, type NextRequest } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db";
import { databaseOutage } from "@/lib/db/availability";
import { cameOverHttps, createNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { workspaceFrameAncestors } from "@/lib/workspace/frame-ancestors";

function isWorkspacePage(pathname: string): boolean {
  return pathname === "/workspace" || pathname.startsWith("/workspace/");
}

/**
 * Three jobs, on every page (sign-in included):
 *
 * - While the database is down, a clear 503 page (lib/db/availability.ts).
 * - An optimistic redirect of anonymous visitors to sign-in, nothing more: every page, server action and route
 *   handler checks the session itself on the server (lib/auth/session.ts), so skipping this (as CVE-2025-29927
 *   allowed with one header) reaches no data.
 * - The page's Content-Security-Policy with a fresh nonce. It is also passed on as a request header, which is where
 *   Next.js reads the nonce to put on its own scripts (and the root layout hands it to next-themes). Its
 *   `frame-ancestors` is `'none'` for the console and the customer's effective origins in the workspace (decision
 *   D3). The headers that need no nonce (and the API's policy) come from next.config.mjs.
 */
/**
 * While the database is known to be down, a page answers 503 with the reason and reloads itself after a few
 * seconds: a page that failed inside React could only answer 500.
 */
function databaseUnavailablePage(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Database unavailable · Partner console</title>
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.25rem">The database is unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p>
<p>This page reloads by itself every ${DATABASE_RETRY_AFTER_SECONDS} seconds.</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    },
  });
}

export async function proxy(request: NextRequest) {
  if (databaseOutage()) return databaseUnavailablePage();
  const { pathname } = request.nextUrl;
  // Sign-in, an invitation link (which creates the account) and a forgotten password are the pages open to
  // anonymous visitors.
  const isPublic =
    pathname === "/sign-in" ||
    pathname.startsWith("/sign-in/") ||
    pathname.startsWith("/invitations/") ||
    pathname.startsWith("/team-invitations/") ||
    pathname === "/forgot-password" ||
    pathname.startsWith("/reset-password/");
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession && !isPublic) {
    const signIn = new URL("/sign-in", request.url);
    const target = pathname + request.nextUrl.search;
    if (target !== "/") signIn.searchParams.set("callbackUrl", target);
    return NextResponse.redirect(signIn);
  }
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    frameAncestors: isWorkspacePage(pathname) ? await workspaceFrameAncestors((name) => request.cookies.get(name)?.value) : [],
    https: cameOverHttps(request.nextUrl, request.headers),
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page, sign-in included; not the REST API (bearer tokens, its own policy), Next's own files or public assets.
  // The direct link answers with its own headers: a redirect, or a refusal page meant to be read inside the iframe.
  matcher: ["/((?!api/|_next/|apps/|direct_link|favicon.ico|icon.svg|robots.txt).*)"],
};
