import "server-only";
import { z } from "zod";
import { cancelBulkJob } from "@/lib/bulk-jobs/cancel";
import { getBulkJob } from "@/lib/bulk-jobs/read";
import { startBulkJob } from "@/lib/bulk-jobs/start";
import { MAX_EXTEND_DAYS, MAX_LISTED_CUSTOMERS, type BulkAction, type BulkJobView, type BulkSelection } from "@/lib/bulk-jobs/types";
import { JOINED_PRESETS, STATUS_TABS } from "@/lib/customers/query-input";
import { SEARCH_MAX_LENGTH } from "@/lib/search/search-term";
import { DomainError, invalid, type FieldErrors } from "@/lib/errors";
import { defineEndpoint } from "../endpoint";
import { idListSchema, idSchema, isoDateTime, pathIdSchema, resultOf } from "../schemas";

const action = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("change_plan"), plan_id: idSchema }),
  z.strictObject({ type: z.literal("start_trial") }),
  z.strictObject({ type: z.literal("extend_trial"), days: z.number().int().min(1).max(MAX_EXTEND_DAYS) }),
  z.strictObject({ type: z.literal("end_trial") }),
  z.strictObject({
    type: z.literal("set_app_access"),
    mode: z.enum(["all", "add", "remove"]).describe("all: every app (apps released later included); add or remove: these apps, in each customer's selection."),
    app_ids: idListSchema.max(500).default([]),
  }),
  z.strictObject({ type: z.literal("add_to_customer_manager"), customer_manager_id: idSchema }),
  z.strictObject({ type: z.literal("remove_from_customer_manager"), customer_manager_id: idSchema }),
  z.strictObject({ type: z.literal("export") }),
  z.strictObject({
    type: z.literal("delete"),
    confirm_count: z.number().int().min(0).describe("The number of customers the selection holds: the job starts only if it is still that number."),
  }),
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date as YYYY-MM-DD.");

/** GET /api/managed_users's filter terms, strictly: an unknown or malformed term is refused, never ignored. */
const filter = z.strictObject({
  q: z.string().max(SEARCH_MAX_LENGTH).optional().describe("Matches the name or the external ID."),
  status: z.enum(STATUS_TABS).optional(),
  plan: z
    .string()
    .regex(/^\d+(,\d+)*$/, "Expected plan IDs, comma-separated.")
    .optional()
    .describe("Plan IDs, comma-separated."),
  app: z.string().regex(/^\d+$/, "Expected an app ID.").optional().describe("An app ID: customers that use it."),
  joined: z.enum(JOINED_PRESETS).optional(),
  from: isoDate.optional().describe("YYYY-MM-DD, with joined=custom."),
  to: isoDate.optional().describe("YYYY-MM-DD, with joined=custom."),
});

const startBody = z
  .strictObject({
    action,
    ids: idListSchema.max(MAX_LISTED_CUSTOMERS).min(1).optional().describe("Customers by ID."),
    external_ids: z.array(z.string().min(1).max(255)).min(1).max(MAX_LISTED_CUSTOMERS).optional().describe("Customers by external ID."),
    filter: filter.optional().describe("Every customer matching this filter when the job starts (the terms of GET /api/managed_users)."),
  })
  .refine((body) => [body.ids, body.external_ids, body.filter].filter((value) => value !== undefined).length === 1, {
    path: ["ids"],
    message: "Give exactly one of ids, external_ids or filter.",
  });

const bulkJob = z.object({
  id: z.number().int(),
  action: z.record(z.string(), z.unknown()).describe("The action as it was asked, with type."),
  action_label: z.string(),
  selection_description: z.string().describe("A filter's selection says it was resolved when the job started."),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
  total: z.number().int(),
  processed: z.number().int(),
  changed: z.number().int(),
  failed: z.number().int(),
  errors: z
    .array(z.object({ customer_id: z.number().int().nullable(), external_id: z.string().nullable(), line: z.number().int().nullable(), reason: z.string() }))
    .describe("The first 100."),
  started_by: z.object({ name: z.string() }),
  created_at: isoDateTime,
  started_at: isoDateTime.nullable(),
  finished_at: isoDateTime.nullable(),
  rate_per_second: z.number().nullable(),
  seconds_left: z.number().nullable(),
  cancel_requested: z.boolean(),
  result_file_url: z.string().nullable().describe("The export's CSV, once the job has succeeded (console session)."),
});

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function toApiBulkJob(view: BulkJobView): z.infer<typeof bulkJob> {
  return {
    id: view.id,
    action: Object.fromEntries(Object.entries(view.action).map(([key, value]) => [snake(key), value])),
    action_label: view.actionLabel,
    selection_description: view.selectionDescription,
    status: view.status,
    total: view.total,
    processed: view.processed,
    changed: view.changed,
    failed: view.failed,
    errors: view.errors.map((error) => ({
      customer_id: error.customerId ?? null,
      external_id: error.externalId ?? null,
      line: error.line ?? null,
      reason: error.reason,
    })),
    started_by: view.startedBy,
    created_at: view.createdAt.toISOString(),
    started_at: view.startedAt?.toISOString() ?? null,
    finished_at: view.finishedAt?.toISOString() ?? null,
    rate_per_second: view.ratePerSecond,
    seconds_left: view.secondsLeft,
    cancel_requested: view.cancelRequested,
    result_file_url: view.resultFileUrl ?? null,
  };
}

function commandAction(body: z.output<typeof action>): BulkAction {
  switch (body.type) {
    case "change_plan":
      return { type: body.type, planId: body.plan_id };
    case "set_app_access":
      return { type: body.type, mode: body.mode, appIds: body.app_ids };
    case "add_to_customer_manager":
    case "remove_from_customer_manager":
      return { type: body.type, customerManagerId: body.customer_manager_id };
    case "delete":
      return { type: body.type, confirmCount: body.confirm_count };
    default:
      return body;
  }
}

function commandSelection(body: z.output<typeof startBody>): BulkSelection {
  if (body.ids) return { kind: "ids", ids: body.ids };
  if (body.external_ids) return { kind: "external_ids", externalIds: body.external_ids };
  const terms = body.filter!;
  return {
    kind: "view",
    query: {
      q: terms.q,
      status: terms.status,
      plans: terms.plan ? terms.plan.split(",").map(Number) : [],
      app: terms.app ? Number(terms.app) : null,
      joined: terms.joined ?? null,
      from: terms.from ?? null,
      to: terms.to ?? null,
    },
  };
}

/** The command's field names as the request named them: `selection.query.plans` is `filter.plan`, `selection.ids` is `ids`. */
const FIELD_NAMES: [RegExp, string][] = [
  [/^selection\.query\.plans(\..*)?$/, "filter.plan"],
  [/^selection\.query\./, "filter."],
  [/^selection\.query$/, "filter"],
  [/^selection\.externalIds/, "external_ids"],
  [/^selection\.ids/, "ids"],
  [/^selection$/, "ids"],
];

function requestFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([key, messages]) => {
      const rule = FIELD_NAMES.find(([pattern]) => pattern.test(key));
      return [rule ? key.replace(rule[0], rule[1]) : key, messages];
    }),
  );
}

export const startBulkJobEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/bulk_jobs",
  tag: "Bulk jobs",
  summary: "Start a bulk job",
  description: [
    "Applies one action to many customers in the background, in batches of a few thousand, each its own transaction.",
    "Choose the customers by ids, external_ids, or a filter in the terms of GET /api/managed_users; a filter is resolved",
    "to its customers when the job starts (customers added afterwards are not touched). Every customer changed gets its",
    "own audit event, as if changed alone. Follow the job with GET /api/bulk_jobs/{id}.",
  ].join(" "),
  scope: "bulk_jobs:write",
  rateGroup: "customers",
  body: startBody,
  response: resultOf(bulkJob),
  status: 201,
  async handler(ctx, { body }) {
    try {
      return { result: toApiBulkJob(await startBulkJob(ctx, { action: commandAction(body.action), selection: commandSelection(body) })) };
    } catch (error) {
      if (error instanceof DomainError && error.code === "VALIDATION") throw invalid(error.message, requestFieldErrors(error.fieldErrors));
      throw error;
    }
  },
});

const jobParams = z.object({ id: pathIdSchema });

export const getBulkJobEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/bulk_jobs/{id}",
  tag: "Bulk jobs",
  summary: "Get a bulk job",
  description: "Its status, counts (processed, changed, failed), rate, time left and first errors.",
  scope: "bulk_jobs:read",
  rateGroup: "customers",
  params: jobParams,
  response: resultOf(bulkJob),
  async handler(ctx, { params }) {
    return { result: toApiBulkJob(await getBulkJob(ctx, params.id)) };
  },
});

export const cancelBulkJobEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/bulk_jobs/{id}/cancel",
  tag: "Bulk jobs",
  summary: "Cancel a bulk job",
  description: "The batch under way finishes; the job stops before the next one and reports what it did. A finished job is answered as it is.",
  scope: "bulk_jobs:write",
  rateGroup: "customers",
  params: jobParams,
  response: resultOf(bulkJob),
  async handler(ctx, { params }) {
    return { result: toApiBulkJob(await cancelBulkJob(ctx, params.id)) };
  },
});

export const bulkJobEndpoints = [startBulkJobEndpoint, getBulkJobEndpoint, cancelBulkJobEndpoint];
