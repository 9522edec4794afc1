import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { bulkJobs } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { fieldErrorsOf, invalid } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { authorize } from "@/lib/authorization/authorize";
import { prepareAction } from "./actions";
import { describeSelection, selectionCondition, unknownReferences } from "./selection";
import { startedByOf } from "./started-by";
import { bulkJobSelectionSchema } from "./selection-input";
import { BULK_JOB_QUEUE_NAME } from "./queue-name";
import {
  MAX_KEPT_ERRORS,
  startBulkJobInput,
  type BulkJobView,
  type BulkSelection,
  type BulkSelectionPreview,
  type StartBulkJobInput,
  type ParsedBulkAction,
  type ParsedBulkSelection,
} from "./types";
import { bulkJobView } from "./view";

/** Validates at the command (every transport), answering the fields by their path: `action.planId`, `selection.query.from`… */
function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid("Check the bulk job's fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** How many customers a selection holds now, and in words: what every dialog shows before a job starts. */
export async function previewBulkSelection(ctx: RequestContext, selection: BulkSelection): Promise<BulkSelectionPreview> {
  await authorize(ctx, "bulk_jobs.write");
  const parsed = parse(bulkJobSelectionSchema, { selection }).selection;
  return inPartnerScope(ctx, async (tx) => {
    // Raw SQL: the selection's condition is the Customers table's own SQL (lib/customers/reads/table-sql.ts, measured).
    const [row] = await tx.execute<{ count: number }>(sql`select count(*)::int as count from customers c where ${await selectionCondition(tx, ctx, parsed)}`);
    const count = row!.count;
    return { count, description: await describeSelection(tx, ctx, parsed, count) };
  });
}

/** A CSV import has its own permission (and API scope), `customer_imports.write`; every other action `bulk_jobs.write`. */
function permissionToStart(input: unknown) {
  return (input as { action?: { type?: unknown } } | null)?.action?.type === "import" ? "customer_imports.write" : "bulk_jobs.write";
}

/**
 * Starts a bulk job: checks the action (an unknown plan is a field error, nothing written), resolves the selection
 * to its customers now (a view's filter included: the snapshot, so customers added afterwards are not touched),
 * records the job and its audit event, and queues it, all in one transaction. A delete starts only when the typed
 * count is the selection's count at this moment.
 */
export async function startBulkJob(ctx: RequestContext, input: StartBulkJobInput): Promise<BulkJobView> {
  await authorize(ctx, permissionToStart(input));
  const { action, selection } = parse(startBulkJobInput, input);
  const view = await inPartnerScope(ctx, async (tx) => {
    const [job] = await tx
      .insert(bulkJobs)
      .values({
        partnerId: ctx.partnerId,
        action,
        actionLabel: "",
        // An import walks its own rows: no selection.
        selection: selection ?? {},
        selectionDescription: "",
        startedBy: startedByOf(ctx),
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        resolvedAt: ctx.now,
        createdAt: ctx.now,
      })
      .returning({ id: bulkJobs.id });
    const prepared = await prepareAction(tx, ctx, action, job!.id);
    const { total, selectionDescription, errors, failed } = selection
      ? await resolveSelection(tx, ctx, job!.id, selection, action)
      : {
          total: await prepared.ownRows!.total(tx, ctx),
          selectionDescription: prepared.ownRows!.selectionDescription,
          ...((await prepared.ownRows!.skipped?.(tx, ctx)) ?? { errors: [], failed: 0 }),
        };
    const [row] = await tx
      .update(bulkJobs)
      .set({ actionLabel: prepared.label, selectionDescription, total, errors, failed })
      .where(eq(bulkJobs.id, job!.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "bulk_job.started",
      targetType: "bulk_job",
      targetId: job!.id,
      changes: { action, actionLabel: prepared.label, selection, selectionDescription, total },
    });
    return bulkJobView(row!, ctx.now);
  });
  return queueBulkJob(ctx, view);
}

/**
 * Hands a recorded job to the queue (the owner's table: the tenant role may not write it, so this follows the
 * commit). Should that fail, the job is marked failed rather than left queued with nothing to run it.
 */
async function queueBulkJob(ctx: RequestContext, view: BulkJobView): Promise<BulkJobView> {
  try {
    const queueJobId = await enqueueJob(
      BULK_JOB_QUEUE_NAME,
      { bulkJobId: view.id, partnerId: ctx.partnerId },
      { singletonKey: `bulk-job-${view.id}`, maxAttempts: 5 },
    );
    await inPartnerScope(ctx, (tx) =>
      tx
        .update(bulkJobs)
        .set({ queueJobId })
        .where(and(eq(bulkJobs.id, view.id), eq(bulkJobs.partnerId, ctx.partnerId))),
    );
    return view;
  } catch (error) {
    await inPartnerScope(ctx, (tx) =>
      tx
        .update(bulkJobs)
        .set({ status: "failed", finishedAt: ctx.now, errors: [{ reason: "The job could not be queued. Start it again." }] })
        .where(and(eq(bulkJobs.id, view.id), eq(bulkJobs.partnerId, ctx.partnerId))),
    ).catch(() => {});
    throw error;
  }
}

/**
 * The selection's customers, now: the snapshot the batches walk, its count and description, and the listed IDs that
 * name no customer of the partner (reported as the job's first errors). A delete must have been confirmed with this
 * count.
 */
async function resolveSelection(tx: Transaction, ctx: RequestContext, jobId: number, selection: ParsedBulkSelection, action: ParsedBulkAction) {
  const total = await snapshot(tx, ctx, jobId, await selectionCondition(tx, ctx, selection));
  // Described first: a filter naming another partner's plan is refused by its field, not as an empty view.
  const described = await describeSelection(tx, ctx, selection, total);
  if (total === 0) {
    // Another partner's IDs answer exactly like IDs that name nothing (D8).
    const field = selection.kind === "view" ? "selection.query" : selection.kind === "ids" ? "selection.ids" : "selection.externalIds";
    const message = selection.kind === "view" ? "No customer matches this view." : "None of these customers is yours.";
    throw invalid(message, { [field]: [message] });
  }
  if (action.type === "delete" && action.confirmCount !== total) {
    const message = `The selection holds ${formatNumber(total)} customers now: type that number to delete them.`;
    throw invalid(message, { "action.confirmCount": [message] });
  }
  const unknown = await unknownReferences(tx, ctx, selection);
  const selectionDescription =
    selection.kind === "view" ? `${described}, as of the moment the job was started (customers added afterwards are not included)` : described;
  const errors = unknown.slice(0, MAX_KEPT_ERRORS).map((reference) => ({ ...reference, reason: "No customer of yours has this ID." }));
  return { total, selectionDescription, errors, failed: unknown.length };
}

/** The selection's customers numbered 1…n in ID order: the list the batches walk. Answers n. */
async function snapshot(tx: Transaction, ctx: RequestContext, jobId: number, condition: SQL): Promise<number> {
  // Raw SQL: one insert … select numbers the selection's customers (row_number) however many there are.
  const rows = await tx.execute(sql`
    insert into bulk_job_customers (bulk_job_id, position, partner_id, customer_id)
    select ${jobId}, row_number() over (order by c.id), ${ctx.partnerId}, c.id
      from customers c
     where ${condition}`);
  return rows.count ?? 0;
}
