import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { RequestContext } from "@/lib/context";
import { sessionSecretFromCookies } from "./session-cookie";
import { loadSessionContext } from "./session-store";
import { hashSessionSecret } from "./sign-in";

/** The session secret inside next-auth's encrypted cookie, or null. */
async function readSessionSecret(): Promise<string | null> {
  const jar = await cookies();
  return sessionSecretFromCookies((name) => jar.get(name)?.value);
}

export async function requestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

/**
 * Who is making this request, re-read from the database every time (once per request thanks to `cache`), so that
 * a revoked session, a removed membership or a changed role takes effect on the very next request.
 */
export const getSessionContext = cache(async (): Promise<RequestContext | null> => {
  const secret = await readSessionSecret();
  if (!secret) return null;
  return loadSessionContext(hashSessionSecret(secret), await requestMeta());
});

/** What a partner console page or action must be: a signed-in member of the partner's team, in the partner account. */
export type ConsoleContext = RequestContext & {
  actor: Extract<RequestContext["actor"], { kind: "user" }> & { partnerRole: "admin" | "member" };
};

export function isConsoleContext(ctx: RequestContext | null): ctx is ConsoleContext {
  return ctx !== null && ctx.actor.kind === "user" && ctx.actor.partnerRole !== null && ctx.account.kind === "partner";
}

/**
 * For console pages: the context, or a redirect to sign-in (anonymous), to the customer workspace (switched into a
 * customer account, or a customer's own collaborator) or to a notice (no access at all).
 */
export async function requireConsolePage(): Promise<ConsoleContext> {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  // A switched-in person is told on the workspace why the console did not open (issue 12).
  if (ctx.account.kind === "customer") redirect(ctx.account.switchExpiresAt === null ? "/workspace" : "/workspace?from=console");
  if (!isConsoleContext(ctx)) redirect("/no-access");
  return ctx;
}

/** Where a signed-in person starts: its customer workspace when it is in one, else the partner console. */
export function homePath(ctx: RequestContext): string {
  return ctx.account.kind === "customer" ? "/workspace" : "/customers";
}
