import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { customers, plans } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, invalid } from "@/lib/errors";
import { EXTERNAL_ID_TAKEN } from "./add-customer-input";
import { customerCommand } from "./customer-command";
import { effectivePlan, trialAfterChoosingPlan } from "./plan";
import type {
  ChangePlanInput,
  ExternalIdInput,
  IframeOriginsInput,
  NotificationEmailInput,
  SetTrialInput,
} from "./settings-schema";
import { trialEndFrom } from "./plan-rules";

const EXTERNAL_ID_KEY = "customers_partner_external_id_key";

/**
 * Settings › Subscription (rule U20): one of the partner's own plans. Once a trial has ended the customer is on
 * Free (decision D1); choosing a plan then makes it a subscription to that plan, so the ended trial is cleared.
 * While a trial runs it keeps running on the new plan (rule U22).
 */
export async function changePlan(ctx: RequestContext, input: ChangePlanInput) {
  return customerCommand(ctx, input.customerId, async (tx, customer) => {
    const [plan] = await tx
      .select({ id: plans.id, name: plans.name })
      .from(plans)
      .where(and(eq(plans.id, input.planId), eq(plans.partnerId, ctx.partnerId)));
    if (!plan) throw invalid("Choose one of your plans.", { planId: ["Choose one of your plans."] });
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
  });
}

/**
 * Settings › Trial (rules U21, U22): on starts a 30-day trial from now, and turning it on again (while it runs
 * or after it ended) gives a new 30 days from now; off makes the account an active subscription on its plan.
 */
export async function setTrial(ctx: RequestContext, input: SetTrialInput) {
  return customerCommand(ctx, input.customerId, async (_tx, customer) => {
    const trialEndsAt = input.enabled ? trialEndFrom(ctx.now) : null;
    return {
      action: input.enabled ? "customer.trial_started" : "customer.trial_turned_off",
      changes: { trialEndsAt: { from: customer.trialEndsAt, to: trialEndsAt } },
      set: { trialEndsAt },
    };
  });
}

export async function updateNotificationEmail(ctx: RequestContext, input: NotificationEmailInput) {
  return customerCommand(ctx, input.customerId, async (_tx, customer) => ({
    action: "customer.notification_email_changed",
    changes: { notificationEmail: { from: customer.notificationEmail, to: input.notificationEmail } },
    set: { notificationEmail: input.notificationEmail },
  }));
}

/**
 * The partner's own ID for the customer (rule U25), unique within the partner; null clears it. The unique index
 * settles a race between two admins; the check before it gives the usual case a field error.
 */
export async function updateExternalId(ctx: RequestContext, input: ExternalIdInput) {
  try {
    return await customerCommand(ctx, input.customerId, async (tx, customer) => {
      if (input.externalId !== null) {
        const [taken] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(
            and(eq(customers.partnerId, ctx.partnerId), eq(customers.externalId, input.externalId), ne(customers.id, customer.id)),
          );
        if (taken) throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
      }
      return {
        action: "customer.external_id_changed",
        changes: { externalId: { from: customer.externalId, to: input.externalId } },
        set: { externalId: input.externalId },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, EXTERNAL_ID_KEY)) throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
    throw error;
  }
}

/** The customer's own iframe origins (rule U27), already validated and normalised by the input schema. */
export async function updateIframeOrigins(ctx: RequestContext, input: IframeOriginsInput) {
  return customerCommand(ctx, input.customerId, async (_tx, customer) => ({
    action: "customer.iframe_origins_changed",
    changes: { iframeOrigins: { from: customer.iframeOrigins, to: input.iframeOrigins } },
    set: { iframeOrigins: input.iframeOrigins },
  }));
}

