import { NextResponse, type NextRequest } from "next/server";
import { workspaceFramePolicy } from "@/lib/workspace/frame-ancestors";

/**
 * An optimistic redirect of anonymous visitors to sign-in, nothing more: every page, server action and route
 * handler checks the session itself on the server (lib/auth/session.ts), so skipping this (as CVE-2025-29927
 * allowed with one header) reaches no data.
 *
 * It also puts the customer workspace's `Content-Security-Policy: frame-ancestors` on its pages (decision D3):
 * a response header, which a page cannot set itself.
 */
export async function proxy(request: NextRequest) {
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const signIn = new URL("/sign-in", request.url);
    const target = request.nextUrl.pathname + request.nextUrl.search;
    if (target !== "/") signIn.searchParams.set("callbackUrl", target);
    return NextResponse.redirect(signIn);
  }
  const { pathname } = request.nextUrl;
  if (pathname !== "/workspace" && !pathname.startsWith("/workspace/")) return NextResponse.next();
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", await workspaceFramePolicy((name) => request.cookies.get(name)?.value));
  return response;
}

export const config = {
  // Everything but sign-in, the REST API (bearer tokens), Next's own files and public assets.
  matcher: ["/((?!sign-in|api/|_next/|apps/|favicon.ico|icon.svg|robots.txt).*)"],
};
