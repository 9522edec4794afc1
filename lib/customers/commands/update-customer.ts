import "server-only";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import type { CommandPlan } from "./customer-command";
import { applyPlans } from "./customer-command";
import { readCustomer, type CustomerRecord } from "@/lib/customers/reads/customer-record";
import { findManagedUser, toManagedUser, type ManagedUser } from "@/lib/customers/reads/managed-user";
import {
  externalIdChange,
  iframeOriginsChange,
  nameChange,
  notificationEmailChange,
  partnerPlan,
  planChangeTo,
  trialChange,
  withExternalIdConflict,
} from "./settings";
import { authorize } from "@/lib/authorization/authorize";

/** The fields a customer update may change; an absent field stays as it is, `null` clears an optional one. */
export interface CustomerPatch {
  name?: string;
  notificationEmail?: string;
  planId?: number;
  externalId?: string | null;
  iframeOrigins?: string[] | null;
  /** true starts a 30-day trial from now (rule U21, and extends one, U22); false ends it (an active subscription). */
  inTrial?: boolean;
}

/**
 * `PUT /api/managed_users/:id`: the given fields of a customer, in one transaction. Each field is the same verb as
 * in Settings (lib/customers/commands/settings.ts), with its rules and its audit event: a plan change through the API reads
 * in the audit log exactly like one made in Settings. Later verbs see what earlier ones decided (a plan chosen with
 * `in_trial: true` starts the trial on the new plan).
 */
export async function updateCustomer(ctx: RequestContext, reference: string, patch: CustomerPatch): Promise<ManagedUser> {
  await authorize(ctx, "customers.write");
  return withExternalIdConflict(() =>
    inPartnerScope(ctx, async (tx) => {
      const found = await findManagedUser(tx, ctx, reference);
      await patchCustomer(tx, ctx, found.id, patch);
      return toManagedUser(await findManagedUser(tx, ctx, String(found.id)), ctx.now);
    }),
  );
}

/**
 * The update itself, in the caller's partner-scoped transaction: the customer read and locked, then each given field
 * through its verb. The API's update goes through it. Answers whether anything changed.
 */
export async function patchCustomer(tx: Transaction, ctx: RequestContext, customerId: number, patch: CustomerPatch): Promise<boolean> {
  const customer = await readCustomer(tx, ctx, customerId, { forUpdate: true });
  const externalId = patch.externalId !== undefined ? await externalIdChange(tx, ctx, customer, patch.externalId) : undefined;
  const plan = patch.planId !== undefined ? await partnerPlan(tx, ctx, patch.planId) : undefined;
  return applyPlans(tx, ctx, customer, patchPlans(ctx, customer, patch, { externalId, plan }));
}

/**
 * What a patch changes, verb by verb, once what needs the database is known (the external ID checked, the plan
 * found to be the partner's): the API's update of one customer and each known row of a CSV import decide with it.
 * Later verbs see what earlier ones decided (a plan chosen with `inTrial: true` starts the trial on the new plan).
 */
export function patchPlans(
  ctx: RequestContext,
  customer: CustomerRecord,
  patch: Omit<CustomerPatch, "externalId" | "planId">,
  resolved: { externalId?: CommandPlan; plan?: { id: number; name: string } },
): CommandPlan[] {
  const plans: CommandPlan[] = [];
  let current: CustomerRecord = customer;
  const add = (plan: CommandPlan) => {
    plans.push(plan);
    if (plan.set && "trialEndsAt" in plan.set) current = { ...current, trialEndsAt: plan.set.trialEndsAt ?? null };
  };
  if (patch.name !== undefined) add(nameChange(current, patch.name));
  if (patch.notificationEmail !== undefined) add(notificationEmailChange(current, patch.notificationEmail));
  if (resolved.externalId) add(resolved.externalId);
  if (patch.iframeOrigins !== undefined) add(iframeOriginsChange(current, patch.iframeOrigins ?? []));
  if (resolved.plan) add(planChangeTo(ctx, current, resolved.plan));
  if (patch.inTrial === true) add(trialChange(ctx, current, true));
  // Ending a trial that is not running changes nothing (the API's `in_trial: false` on a subscription).
  if (patch.inTrial === false && current.trialEndsAt !== null) add(trialChange(ctx, current, false));
  return plans;
}
