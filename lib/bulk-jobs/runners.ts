import "server-only";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { applyPlansMany, type CommandPlan } from "@/lib/customers/commands/customer-command";
import { readCustomers, type CustomerRecord } from "@/lib/customers/reads/customer-record";
import type { BulkJobError, ParsedBulkAction } from "./types";

export interface BatchOutcome {
  changed: number;
  failed: number;
  errors: BulkJobError[];
}

/** A batch of an action that walks rows of its own (the import's lines): where it got to, and how many it did. */
export interface OwnRowsBatch extends BatchOutcome {
  /** The new cursor (the last row done); the job ends once a batch does nothing. */
  cursor: number;
  processed: number;
}

/**
 * An action ready to run: its words, and what one batch does (in the batch's transaction). A customer action walks
 * the snapshot of its selection (`runBatch`); an action with rows of its own (the import) says how many at the start
 * and walks them from the job's cursor (`ownRows`), described by `selectionDescription`.
 */
export interface PreparedAction {
  label: string;
  runBatch?(tx: Transaction, ctx: RequestContext, customerIds: readonly number[]): Promise<BatchOutcome>;
  ownRows?: {
    selectionDescription: string;
    total(tx: Transaction, ctx: RequestContext): Promise<number>;
    /** Rows left out from the start (an import's rows in error, skipped): the job's first errors, counted as failed. */
    skipped?(tx: Transaction, ctx: RequestContext): Promise<{ failed: number; errors: BulkJobError[] }>;
    runAfter(tx: Transaction, ctx: RequestContext, cursor: number, size: number): Promise<OwnRowsBatch>;
  };
  /** Called once, in the transaction of the batch that finds nothing left (the export's file, for instance). */
  finish?(tx: Transaction, ctx: RequestContext): Promise<void>;
}

/**
 * Checks an action's parameters (throwing a field error, so nothing is written) and prepares it. Called when the job
 * is started, and again by every batch, so that a batch acts on what is true then (a plan deleted meanwhile fails it).
 */
export type ActionRunner<A extends ParsedBulkAction = ParsedBulkAction> = (
  tx: Transaction,
  ctx: RequestContext,
  action: A,
  jobId: number,
) => Promise<PreparedAction>;

export const CUSTOMER_GONE = "The customer no longer exists.";

/**
 * A verb of one customer applied to each customer of a batch: the single command's own decider says what changes,
 * and applyPlansMany writes it set-based, with each customer's audit event as if it had been changed alone.
 */
export function perCustomer(label: string, decide: (ctx: RequestContext, customer: CustomerRecord) => CommandPlan): PreparedAction {
  return {
    label,
    async runBatch(tx, ctx, customerIds) {
      const found = await readCustomers(tx, ctx, customerIds);
      const changed = await applyPlansMany(
        tx,
        ctx,
        found.map((customer) => ({ customer, plans: [decide(ctx, customer)] })),
      );
      const present = new Set(found.map((customer) => customer.id));
      const errors = customerIds.filter((id) => !present.has(id)).map((customerId) => ({ customerId, reason: CUSTOMER_GONE }));
      return { changed: changed.length, failed: errors.length, errors };
    },
  };
}
