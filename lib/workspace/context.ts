import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionContext, isConsoleContext } from "@/lib/auth/session";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { partnerLandingPath } from "@/lib/workspace-access/switch-notice";
import { workspaceAccess, type WorkspaceAccess } from "@/lib/workspace-access/access";

/** A request inside a customer account, with the person's effective access there. */
export type WorkspaceContext = RequestContext & {
  account: Extract<RequestContext["account"], { kind: "customer" }>;
  actor: Extract<RequestContext["actor"], { kind: "user" }>;
  workspace: WorkspaceAccess;
};

/** The workspace context of a session context, or null when it is not inside a customer account it may be in. */
export async function toWorkspaceContext(ctx: RequestContext | null): Promise<WorkspaceContext | null> {
  if (!ctx || ctx.account.kind !== "customer" || ctx.actor.kind !== "user") return null;
  const account = ctx.account;
  const actor = ctx.actor;
  const access = await inPartnerScope(ctx, (tx) => workspaceAccess(tx, ctx, account.customerId));
  return access ? { ...ctx, account, actor, workspace: access } : null;
}

/** This request's workspace context, read once per request. */
export const getWorkspaceContext = cache(async (): Promise<WorkspaceContext | null> => toWorkspaceContext(await getSessionContext()));

/**
 * For workspace pages: the context, or a redirect: to sign-in (anonymous), to the partner console (a partner
 * member who is not, or no longer, switched into a customer account, told why when its switch ended on its own) or
 * to a notice (no access at all).
 */
export async function requireWorkspacePage(): Promise<WorkspaceContext> {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  const ctx = await getWorkspaceContext();
  if (!ctx) redirect(isConsoleContext(session) ? await partnerLandingPath(session) : "/no-access");
  return ctx;
}

/** Whether the person entered by switching from the partner account (and so can return to it). */
export function isSwitchedIn(ctx: WorkspaceContext): boolean {
  return ctx.account.switchExpiresAt !== null;
}
