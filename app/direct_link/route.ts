import type { NextRequest } from "next/server";
import { signInThroughPartnerApp } from "@/lib/embedding/direct-link";
import { plainPage } from "@/lib/embedding/plain-page";
import { DirectLinkRefusal } from "@/lib/embedding/refusal";
import { embeddedSessionCookie } from "@/lib/embedding/session-cookie";
import { knownFailure } from "@/lib/db/errors";
import { HTTP_STATUS } from "@/lib/errors";
import { cameOverHttps } from "@/lib/security/content-security-policy";

export const dynamic = "force-dynamic";

const TITLE = "This link cannot sign you in";

/**
 * `GET /direct_link?token=<JWT>&path=/workspace/…`: a partner's app signs its user into the customer workspace
 * (issue 14). A redirect into the workspace with the session cookie, or a plain page saying what the partner's
 * developer must fix; nothing is written on a refusal.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const meta = { ip: forwarded || request.headers.get("x-real-ip") || null, userAgent: request.headers.get("user-agent") };
  try {
    const signedIn = await signInThroughPartnerApp({ token: params.get("token"), path: params.get("path") }, meta);
    const cookie = await embeddedSessionCookie(signedIn.sessionSecret, signedIn, cameOverHttps(request.nextUrl, request.headers));
    return new Response(null, {
      status: 303,
      headers: { location: signedIn.redirectTo, "set-cookie": cookie, "cache-control": "no-store", "referrer-policy": "no-referrer" },
    });
  } catch (error) {
    if (error instanceof DirectLinkRefusal) {
      return plainPage(error.status, TITLE, [error.message, "For the developer of the app that made this link. Nothing was signed in."]);
    }
    const known = knownFailure(error);
    if (known) return plainPage(HTTP_STATUS[known.code], TITLE, [known.message]);
    console.error(error);
    return plainPage(500, TITLE, ["Something went wrong on our side. Nothing was signed in; open a new link."]);
  }
}
