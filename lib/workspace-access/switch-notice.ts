import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { formatDateTime, plural } from "@/lib/format";
import { recordIdText } from "@/lib/id-schemas";
import { MINUTE_MS } from "@/lib/time";
import { switchTimeLimitMinutes, type SwitchOutReason } from "./switch";

/**
 * What the page a person lands on says when a switch ended without the person asking (issue 12): the time limit
 * ran out, or it may no longer enter the customer. The end is read back from its audit event, named in the landing
 * URL (`?switch_ended=<event>`), and shown only to the person it happened to.
 */
export const SWITCH_ENDED_PARAM = "switch_ended";

/** Shown on the workspace when a partner console address was opened while switched in (`?from=console`). */
export const FROM_CONSOLE_PARAM = "from";

/** An end older than this is history, not news: the landing page no longer mentions it. */
const NEWS_MS = 15 * MINUTE_MS;

const UNASKED: readonly SwitchOutReason[] = ["expired", "access revoked"];

type SwitchOutRow = { id: number; changes: unknown; customerName: string | null; createdAt: Date };

function reasonOf(changes: unknown): { reason: string | null; customerManager: boolean | null } {
  const value = (changes ?? {}) as { reason?: unknown; customerManager?: unknown };
  return {
    reason: typeof value.reason === "string" ? value.reason : null,
    customerManager: typeof value.customerManager === "boolean" ? value.customerManager : null,
  };
}

function latestSwitchOuts(ctx: RequestContext, where: ReturnType<typeof and>): Promise<SwitchOutRow[]> {
  return inPartnerScope(ctx, (tx) =>
    tx
      .select({ id: auditEvents.id, changes: auditEvents.changes, customerName: auditEvents.customerName, createdAt: auditEvents.createdAt })
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(1),
  );
}

function mine(ctx: RequestContext) {
  if (ctx.actor.kind !== "user") return null;
  return and(eq(auditEvents.partnerId, ctx.partnerId), eq(auditEvents.actorUserId, ctx.actor.userId), eq(auditEvents.action, "account.switch_out"));
}

/**
 * Where a partner team member goes when it asks for a workspace page from the partner account: the Customers page,
 * naming the switch that just ended on its own, if one did.
 */
export async function partnerLandingPath(ctx: RequestContext): Promise<string> {
  const own = mine(ctx);
  if (!own) return "/customers";
  const [latest] = await latestSwitchOuts(ctx, and(own, gt(auditEvents.createdAt, new Date(ctx.now.getTime() - NEWS_MS))));
  if (!latest || !UNASKED.includes(reasonOf(latest.changes).reason as SwitchOutReason)) return "/customers";
  return `/customers?${SWITCH_ENDED_PARAM}=${latest.id}`;
}

export type SwitchEndedNotice = { title: string; message: string };

/**
 * The notice for a switch that ended on its own while this very request was read (a partner console address opened
 * after the time limit, or after access was lost): any console page says so, once, since the next request finds no
 * switch to end.
 */
export async function justEndedSwitchNotice(ctx: RequestContext): Promise<SwitchEndedNotice | null> {
  const own = mine(ctx);
  if (!ctx.switchJustEnded || !own) return null;
  const [latest] = await latestSwitchOuts(ctx, and(own, gt(auditEvents.createdAt, new Date(ctx.now.getTime() - NEWS_MS))));
  return latest ? switchEndedNotice(ctx, String(latest.id)) : null;
}

/**
 * The notice for `?switch_ended=<event>`: null for anything but a recent, unasked end of this person's own switch
 * (a stale or foreign ID says nothing, rather than something untrue).
 */
export async function switchEndedNotice(ctx: RequestContext, param: unknown): Promise<SwitchEndedNotice | null> {
  const own = mine(ctx);
  const id = recordIdText().safeParse(Array.isArray(param) ? param[0] : param);
  if (!own || !id.success) return null;
  const [event] = await latestSwitchOuts(ctx, and(own, eq(auditEvents.id, id.data), gt(auditEvents.createdAt, new Date(ctx.now.getTime() - NEWS_MS))));
  if (!event) return null;
  const { reason, customerManager } = reasonOf(event.changes);
  const customer = event.customerName ?? "the customer";
  const at = formatDateTime(event.createdAt);
  if (reason === "expired") {
    return {
      title: `Your switch into ${customer}'s account has ended`,
      message: `It reached its time limit of ${plural(switchTimeLimitMinutes(), "minute")} and ended at ${at}. Switch to the account again to go on working in it.`,
    };
  }
  if (reason === "access revoked") {
    return {
      title: `You are no longer in ${customer}'s account`,
      message:
        customerManager === false
          ? `You were removed as a customer manager, so you can no longer enter it. The switch ended at ${at}.`
          : `Your access changed and no longer includes this customer, so you can no longer enter it. The switch ended at ${at}.`,
    };
  }
  return null;
}
