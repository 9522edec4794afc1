/**
 * The shapes of a bulk job (issue 17): what it does, to which customers, and how it is shown. zod schemas and their
 * types only, safe to import in the browser (the Customers table's dialogs and the Jobs page build these).
 */
import { z } from "zod";
import { recordIdNumberOrText } from "@/lib/id-schemas";
import { DEFAULT_CUSTOMER_QUERY, JOINED_PRESETS, STATUS_TABS, type CustomerQuery } from "@/lib/customers/query-input";
import { SEARCH_MAX_LENGTH } from "@/lib/search/search-term";

/** More IDs than this in one request is a view's job: select the view (its filter) instead. */
export const MAX_LISTED_CUSTOMERS = 10_000;
/** Extending a trial adds at most a year at once. */
export const MAX_EXTEND_DAYS = 365;
/** A job keeps its first errors only. */
export const MAX_KEPT_ERRORS = 100;

const id = recordIdNumberOrText();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date as YYYY-MM-DD.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Expected a date as YYYY-MM-DD.");

/**
 * A view's filter, strictly: the Customers view (CustomerQuery) falls back to its defaults on anything malformed, which
 * is right for a link and wrong for a bulk action (a typo must not widen "plan Free" to every customer). Sort, page
 * and cursors of a view are accepted and ignored: a job acts on every customer of the view, whatever its page.
 */
export const bulkFilterSchema = z.object({
  q: z.string().max(SEARCH_MAX_LENGTH).default(""),
  status: z.enum(STATUS_TABS).default("all"),
  plans: z.array(id).max(50).default([]),
  app: id.nullable().default(null),
  joined: z.enum(JOINED_PRESETS).nullable().default(null),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
});
export type BulkFilter = z.output<typeof bulkFilterSchema>;

/** The view a filter stands for, as the Customers table's SQL takes it. */
export function queryOfFilter(filter: BulkFilter): CustomerQuery {
  return { ...DEFAULT_CUSTOMER_QUERY, ...filter };
}

export const bulkSelectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ids"), ids: z.array(id).min(1, "Select at least one customer.").max(MAX_LISTED_CUSTOMERS) }),
  z.object({
    kind: z.literal("external_ids"),
    externalIds: z.array(z.string().min(1).max(255)).min(1, "Select at least one customer.").max(MAX_LISTED_CUSTOMERS),
  }),
  /** A whole view: its filter, resolved to customers when the job starts (never a list of a million IDs). */
  z.object({ kind: z.literal("view"), query: bulkFilterSchema }),
]);
export type BulkSelection = z.input<typeof bulkSelectionSchema>;
export type ParsedBulkSelection = z.output<typeof bulkSelectionSchema>;

export const bulkActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("change_plan"), planId: id }),
  z.object({ type: z.literal("start_trial") }),
  z.object({ type: z.literal("extend_trial"), days: z.number().int().min(1).max(MAX_EXTEND_DAYS) }),
  z.object({ type: z.literal("end_trial") }),
  z.object({
    type: z.literal("set_app_access"),
    mode: z.enum(["all", "add", "remove"]),
    appIds: z.array(id).max(500).default([]),
  }),
  z.object({ type: z.literal("add_to_customer_manager"), customerManagerId: id }),
  z.object({ type: z.literal("remove_from_customer_manager"), customerManagerId: id }),
  z.object({ type: z.literal("export") }),
  /** Confirmed by typing the number of customers: the job starts only if it is the selection's count at that moment. */
  z.object({ type: z.literal("delete"), confirmCount: z.number().int().min(0) }),
  /** A validated CSV import (lib/customer-import supplies its runner); `skipErrors` imports the valid rows only. */
  z.object({ type: z.literal("import"), importId: id, skipErrors: z.boolean().default(false) }),
]);
export type BulkAction = z.input<typeof bulkActionSchema>;
export type ParsedBulkAction = z.output<typeof bulkActionSchema>;
export type BulkActionType = ParsedBulkAction["type"];

/** An import walks its own rows and takes no selection; every other action needs one. */
export const startBulkJobInput = z
  .object({ action: bulkActionSchema, selection: bulkSelectionSchema.optional() })
  .refine((input) => input.action.type === "import" || input.selection !== undefined, {
    path: ["selection"],
    message: "Choose the customers: IDs, external IDs or a view's filter.",
  });
export type StartBulkJobInput = z.input<typeof startBulkJobInput>;

export const BULK_JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type BulkJobStatus = (typeof BULK_JOB_STATUSES)[number];

export const listBulkJobsInput = z.object({ status: z.enum(BULK_JOB_STATUSES).optional() });

export interface BulkJobError {
  customerId?: number;
  externalId?: string;
  line?: number;
  reason: string;
}

export interface BulkJobView {
  id: number;
  action: ParsedBulkAction;
  /** "Change plan to Growth", "Extend trials by 14 days"… */
  actionLabel: string;
  /** "All 48,210 customers on plan Free that joined in the last 12 months (as of 6 Dec 2026, 00:12 UTC)". */
  selectionDescription: string;
  status: BulkJobStatus;
  total: number;
  processed: number;
  changed: number;
  failed: number;
  errors: BulkJobError[];
  startedBy: { name: string };
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Customers a second since the job started, once it has. */
  ratePerSecond: number | null;
  secondsLeft: number | null;
  cancelRequested: boolean;
  /** The export's CSV, once the job has finished. */
  resultFileUrl?: string;
}

export interface BulkSelectionPreview {
  count: number;
  description: string;
}
