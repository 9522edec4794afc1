import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { customers, plans } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, invalid } from "@/lib/errors";
import { EXTERNAL_ID_TAKEN } from "@/lib/customers/add-customer-input";
import { customerCommand, type CommandPlan } from "./customer-command";
import type { CustomerRecord } from "@/lib/customers/reads/customer-record";
import { effectivePlan, trialAfterChoosingPlan } from "@/lib/customers/plan";
import type { ChangePlanInput, ExternalIdInput, IframeOriginsInput, NotificationEmailInput, SetTrialInput } from "@/lib/customers/settings-schema";
import { trialEndFrom } from "@/lib/customers/plan-rules";
import { DAY_MS } from "@/lib/time";
import { authorize } from "@/lib/authorization/authorize";

const EXTERNAL_ID_KEY = "customers_partner_external_id_key";

/** One of the partner's own plans, or the field error every door shows for any other ID. */
export async function partnerPlan(tx: Transaction, ctx: RequestContext, planId: number): Promise<{ id: number; name: string }> {
  const [plan] = await tx
    .select({ id: plans.id, name: plans.name })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.partnerId, ctx.partnerId)));
  if (!plan) throw invalid("Choose one of your plans.", { planId: ["Choose one of your plans."] });
  return plan;
}

/**
 * Settings › Subscription (rule U20): one of the partner's own plans. Once a trial has ended the customer is on
 * Free (decision D1); choosing a plan then makes it a subscription to that plan, so the ended trial is cleared.
 * While a trial runs it keeps running on the new plan (rule U22).
 */
export async function planChange(tx: Transaction, ctx: RequestContext, customer: CustomerRecord, planId: number): Promise<CommandPlan> {
  return planChangeTo(ctx, customer, await partnerPlan(tx, ctx, planId));
}

/** The plan change once the plan is known to be the partner's (a bulk job checks it once for all its customers). */
export function planChangeTo(ctx: RequestContext, customer: CustomerRecord, plan: { id: number; name: string }): CommandPlan {
  const current = effectivePlan(customer, ctx.now);
  const trialEndsAt = trialAfterChoosingPlan(customer.trialEndsAt, ctx.now);
  return {
    action: "customer.plan_changed",
    changes: {
      plan: { from: current.plan.name, to: plan.name },
      trialEndsAt: { from: customer.trialEndsAt, to: trialEndsAt },
    },
    set: { planId: plan.id, trialEndsAt },
  };
}

/**
 * Settings › Trial (rules U21, U22): on starts a 30-day trial from now, and turning it on again (while it runs
 * or after it ended) gives a new 30 days from now; off makes the account an active subscription on its plan.
 */
export function trialChange(ctx: RequestContext, customer: CustomerRecord, enabled: boolean): CommandPlan {
  const trialEndsAt = enabled ? trialEndFrom(ctx.now) : null;
  return {
    action: enabled ? "customer.trial_started" : "customer.trial_turned_off",
    changes: { trialEndsAt: { from: customer.trialEndsAt, to: trialEndsAt } },
    set: { trialEndsAt },
  };
}

/**
 * A trial extended by some days (bulk action Extend trials, rule U22): a running trial ends that much later; one that
 * ended, or never started, runs for that many days from now.
 */
export function trialExtension(ctx: RequestContext, customer: CustomerRecord, days: number): CommandPlan {
  const running = customer.trialEndsAt !== null && customer.trialEndsAt > ctx.now;
  const trialEndsAt = new Date((running ? customer.trialEndsAt!.getTime() : ctx.now.getTime()) + days * DAY_MS);
  return {
    action: "customer.trial_extended",
    changes: { trialEndsAt: { from: customer.trialEndsAt, to: trialEndsAt } },
    set: { trialEndsAt },
  };
}

export function notificationEmailChange(customer: CustomerRecord, notificationEmail: string): CommandPlan {
  return {
    action: "customer.notification_email_changed",
    changes: { notificationEmail: { from: customer.notificationEmail, to: notificationEmail } },
    set: { notificationEmail },
  };
}

/**
 * The partner's own ID for the customer (rule U25), unique within the partner; null clears it. The unique index
 * settles a race between two admins (see `withExternalIdConflict`); the check here gives the usual case a field error.
 */
export async function externalIdChange(tx: Transaction, ctx: RequestContext, customer: CustomerRecord, externalId: string | null): Promise<CommandPlan> {
  if (externalId !== null) {
    const [taken] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.partnerId, ctx.partnerId), eq(customers.externalId, externalId), ne(customers.id, customer.id)));
    if (taken) throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
  }
  return {
    action: "customer.external_id_changed",
    changes: { externalId: { from: customer.externalId, to: externalId } },
    set: { externalId },
  };
}

/** The customer's own iframe origins (rule U27), already validated and normalised by the input schema. */
export function iframeOriginsChange(customer: CustomerRecord, iframeOrigins: string[]): CommandPlan {
  return {
    action: "customer.iframe_origins_changed",
    changes: { iframeOrigins: { from: customer.iframeOrigins, to: iframeOrigins } },
    set: { iframeOrigins },
  };
}

/** The customer's name (the API's `name`; inside the account people see it as the Team name). */
export function nameChange(customer: CustomerRecord, name: string): CommandPlan {
  return { action: "customer.renamed", changes: { name: { from: customer.name, to: name } }, set: { name } };
}

/** Two admins saving one external ID at once: the unique index refuses the second, with the same field error. */
export async function withExternalIdConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, EXTERNAL_ID_KEY)) throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
    throw error;
  }
}

export async function changePlan(ctx: RequestContext, input: ChangePlanInput) {
  await authorize(ctx, "customers.write");
  return customerCommand(ctx, input.customerId, (tx, customer) => planChange(tx, ctx, customer, input.planId));
}

export async function setTrial(ctx: RequestContext, input: SetTrialInput) {
  await authorize(ctx, "customers.write");
  return customerCommand(ctx, input.customerId, async (_tx, customer) => trialChange(ctx, customer, input.enabled));
}

export async function updateNotificationEmail(ctx: RequestContext, input: NotificationEmailInput) {
  await authorize(ctx, "customers.write");
  return customerCommand(ctx, input.customerId, async (_tx, customer) => notificationEmailChange(customer, input.notificationEmail));
}

export async function updateExternalId(ctx: RequestContext, input: ExternalIdInput) {
  await authorize(ctx, "customers.write");
  return withExternalIdConflict(() => customerCommand(ctx, input.customerId, (tx, customer) => externalIdChange(tx, ctx, customer, input.externalId)));
}

export async function updateIframeOrigins(ctx: RequestContext, input: IframeOriginsInput) {
  await authorize(ctx, "customers.write");
  return customerCommand(ctx, input.customerId, async (_tx, customer) => iframeOriginsChange(customer, input.iframeOrigins));
}
