import "server-only";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { DomainError, invalid } from "@/lib/errors";
import { partnerPlan, planChangeTo, trialChange, trialExtension } from "@/lib/customers/commands/settings";
import { formatNumber } from "@/lib/format";
import { importRunner } from "@/lib/customer-import/job";
import { appAccessAction } from "./actions/app-access";
import { customerManagerAction } from "./actions/customer-manager";
import { deleteAction } from "./actions/delete";
import { exportAction } from "./actions/export";
import { perCustomer, type ActionRunner, type PreparedAction } from "./runners";
import type { BulkActionType, ParsedBulkAction } from "./types";

/** Every bulk action's runner, by type; each verb is the single-customer command's own decider. */
const RUNNERS: Partial<{ [T in BulkActionType]: ActionRunner<Extract<ParsedBulkAction, { type: T }>> }> = {
  change_plan: async (tx, ctx, action) => {
    const plan = await partnerPlan(tx, ctx, action.planId).catch((error: unknown) => {
      throw error instanceof DomainError ? invalid("Choose one of your plans.", { "action.planId": ["Choose one of your plans."] }) : error;
    });
    return perCustomer(`Change plan to ${plan.name}`, (batchCtx, customer) => planChangeTo(batchCtx, customer, plan));
  },
  start_trial: async () => perCustomer("Start trials", (ctx, customer) => trialChange(ctx, customer, true)),
  extend_trial: async (_tx, _ctx, action) =>
    perCustomer(`Extend trials by ${formatNumber(action.days)} day${action.days === 1 ? "" : "s"}`, (ctx, customer) =>
      trialExtension(ctx, customer, action.days),
    ),
  // Ending a trial that is not running changes nothing (as the API's `in_trial: false` on a subscription).
  end_trial: async () => perCustomer("End trials", (ctx, customer) => trialChange(ctx, customer, false)),
  set_app_access: appAccessAction,
  add_to_customer_manager: customerManagerAction,
  remove_from_customer_manager: customerManagerAction,
  export: async (_tx, _ctx, _action, jobId) => exportAction(jobId),
  delete: async () => deleteAction,
  import: importRunner,
};

/** Other modules add their actions' runners here (the CSV import: `import`). */
export function registerBulkActionRunner<T extends BulkActionType>(type: T, runner: ActionRunner<Extract<ParsedBulkAction, { type: T }>>): void {
  (RUNNERS as Record<string, unknown>)[type] = runner;
}

export async function prepareAction(tx: Transaction, ctx: RequestContext, action: ParsedBulkAction, jobId: number): Promise<PreparedAction> {
  const runner = RUNNERS[action.type] as ActionRunner | undefined;
  if (!runner) throw invalid("This bulk action is not available yet.", { "action.type": ["This bulk action is not available yet."] });
  return runner(tx, ctx, action, jobId);
}
