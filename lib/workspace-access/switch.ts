import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { customers, sessions } from "@/db/schema";
import { actingAs, recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { workspaceAccess } from "./access";
import type { switchAccountSchema } from "./switch-schema";
import type { z } from "zod";
import { MINUTE_MS } from "@/lib/time";

/** How long a switch into a customer account lasts: SWITCH_TIME_LIMIT_MINUTES, 60 minutes by default (lib/env.ts). */
export function switchTimeLimitMinutes(): number {
  return env("SWITCH_TIME_LIMIT_MINUTES");
}

/** Why a switch ended, as the audit log says it. */
export type SwitchOutReason = "returned" | "expired" | "access revoked" | "signed out" | "switched account";

const ALREADY_INSIDE = "You are already in a customer account. Return to the partner account first.";
const NOT_SWITCHED = "You are not switched into a customer account.";

/**
 * Switches the context's session into a customer account (rules C7, U18): only from the partner account (so a
 * second switch from inside is impossible), only into a customer the person may enter, decided here on the server.
 * A customer the person may not enter answers exactly like one that does not exist (decision D8).
 */
export async function switchIntoCustomer(ctx: RequestContext, input: z.output<typeof switchAccountSchema>): Promise<SwitchedInto> {
  if (ctx.actor.kind !== "user") throw forbidden();
  if (ctx.account.kind !== "partner") throw conflict(ALREADY_INSIDE);
  return inPartnerScope(ctx, (tx) => startSwitch(tx, ctx, input));
}

/**
 * Switches from the customer account the session is in straight into another one: the first switch ends
 * (audited as "switched account") and the second starts (audited), in one transaction, so that a refused target
 * leaves the person where it was. Only a switch can be moved on: a customer's own collaborator and an embedded
 * session have no partner account to switch from.
 */
export async function switchToAnotherCustomer(ctx: RequestContext, input: z.output<typeof switchAccountSchema>): Promise<SwitchedInto> {
  if (ctx.actor.kind !== "user" || ctx.account.kind !== "customer" || ctx.account.switchExpiresAt === null || ctx.account.embedded) {
    throw forbidden(NOT_SWITCHED);
  }
  const partnerSide: RequestContext = { ...ctx, account: { kind: "partner" } };
  return inPartnerScope(ctx, async (tx) => {
    if (!(await endSwitch(tx, ctx, "switched account"))) throw forbidden(NOT_SWITCHED);
    return startSwitch(tx, partnerSide, input);
  });
}

type SwitchedInto = { customerId: number; customerName: string; expiresAt: Date };

/** The switch itself, for a session in the partner account, inside the caller's transaction. */
async function startSwitch(tx: Queryable, ctx: RequestContext, input: z.output<typeof switchAccountSchema>): Promise<SwitchedInto> {
  if (ctx.actor.kind !== "user") throw forbidden();
  const actor = ctx.actor;
  const [customer] = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.id, input.customerId), eq(customers.partnerId, ctx.partnerId)));
  const access = customer ? await workspaceAccess(tx, ctx, customer.id) : null;
  if (!customer || !access) throw notFound("Customer");

  const expiresAt = new Date(ctx.now.getTime() + switchTimeLimitMinutes() * MINUTE_MS);
  const [switched] = await tx
    .update(sessions)
    .set({ activeCustomerId: customer.id, switchReason: input.reason || null, switchExpiresAt: expiresAt })
    .where(and(eq(sessions.idHash, actor.sessionIdHash), eq(sessions.partnerId, ctx.partnerId), isNull(sessions.revokedAt), isNull(sessions.activeCustomerId)))
    .returning({ idHash: sessions.idHash });
  if (!switched) throw conflict(ALREADY_INSIDE);

  await recordAudit(
    tx,
    ctx,
    {
      action: "account.switch_in",
      targetType: "customer",
      targetId: customer.id,
      customer,
      changes: { reason: input.reason || null, role: access.roleName, expiresAt: expiresAt.toISOString() },
    },
    access.actingAs,
  );
  return { customerId: customer.id, customerName: customer.name, expiresAt };
}

/**
 * Ends the switch of the context's session, if the session is still switched into that customer, and records it
 * once (a second, concurrent request finds nothing to end). Returns whether it ended a switch.
 */
export async function endSwitch(tx: Queryable, ctx: RequestContext, reason: SwitchOutReason, details: Record<string, unknown> = {}): Promise<boolean> {
  if (ctx.actor.kind !== "user" || ctx.account.kind !== "customer") return false;
  const [ended] = await tx
    .update(sessions)
    .set({ activeCustomerId: null, switchReason: null, switchExpiresAt: null })
    .where(and(eq(sessions.idHash, ctx.actor.sessionIdHash), eq(sessions.activeCustomerId, ctx.account.customerId), isNotNull(sessions.switchExpiresAt)))
    .returning({ idHash: sessions.idHash });
  if (!ended) return false;
  const customer = { id: ctx.account.customerId, name: ctx.account.customerName };
  const partnerSide: RequestContext = { ...ctx, account: { kind: "partner" } };
  await recordAudit(
    tx,
    partnerSide,
    { action: "account.switch_out", targetType: "customer", targetId: customer.id, customer, changes: { reason, ...details } },
    actingAs(partnerSide),
  );
  return true;
}

/** **Return to partner account**: ends the switch the person is in. */
export async function returnToPartnerAccount(ctx: RequestContext): Promise<void> {
  if (ctx.account.kind !== "customer" || ctx.account.switchExpiresAt === null) {
    throw forbidden(NOT_SWITCHED);
  }
  await inPartnerScope(ctx, (tx) => endSwitch(tx, ctx, "returned"));
}
