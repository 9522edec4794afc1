import "server-only";
import { z } from "zod";
import { MAX_IMPORT_MEGABYTES } from "@/lib/customer-import/limits";
import { IMPORT_FIELDS } from "@/lib/customer-import/mapping";
import { mappingFromQuery } from "@/lib/customer-import/upload";
import { startImport } from "@/lib/customer-import/start-import";
import { validateImport } from "@/lib/customer-import/validate-import";
import type { BulkJobView } from "@/lib/bulk-jobs/types";
import type { ImportView } from "@/lib/customer-import/view";
import { defineEndpoint } from "../endpoint";
import { resultOf } from "../schemas";

const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((value) => value === "true");

const importQuery = z.object({
  file_name: z.string().max(200).optional().describe("The file's name, kept with the import and used for the error file."),
  mapping: z
    .string()
    .max(2_000)
    .optional()
    .describe(`JSON: the column (from 0) of each field, or null: ${IMPORT_FIELDS.join(", ")}. Absent, columns are matched by their headers.`),
  skip_errors: flag.describe("true imports the valid rows and skips the rows in error; by default nothing is written while any row is in error."),
  dry_run: flag.describe("true only validates: nothing is written."),
});

const rowError = z.object({ line: z.number().int(), external_id: z.string().nullable(), reason: z.string() });

const importResult = z.object({
  id: z.number().int().nullable().describe("The import's ID; null when the columns could not be matched (see mapping_problems)."),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mapping_problems: z.array(z.string()),
  total_rows: z.number().int(),
  create_rows: z.number().int().describe("Rows whose external ID is new: each adds a customer."),
  update_rows: z.number().int().describe("Rows whose external ID a customer has: each updates it (empty cells leave a field as it is)."),
  error_rows: z.number().int(),
  errors: z.array(rowError).describe("The first 100 rows in error, by line (the header is line 1)."),
  bulk_job: z
    .object({ id: z.number().int(), status: z.string(), total: z.number().int(), description: z.string() })
    .nullable()
    .describe("The bulk job that imports the rows; null when nothing was started (dry_run, rows in error without skip_errors, or no row to import)."),
});

export const toImportResult = (view: ImportView, job: BulkJobView | null): z.infer<typeof importResult> => ({
  id: view.id,
  columns: view.header,
  mapping: view.mapping,
  mapping_problems: view.mappingProblems,
  total_rows: view.totalRows,
  create_rows: view.createRows,
  update_rows: view.updateRows,
  error_rows: view.errorRows,
  errors: view.errors.map((error) => ({ line: error.line, external_id: error.externalId, reason: error.reason })),
  bulk_job: job && { id: job.id, status: job.status, total: job.total, description: job.selectionDescription },
});

export const createCustomerImport = defineEndpoint({
  method: "POST",
  path: "/api/customer_imports",
  tag: "Customers",
  summary: "Import customers from CSV",
  description: [
    `The request body is the CSV file itself (Content-Type: text/csv), UTF-8 with or without a byte-order mark, at most ${MAX_IMPORT_MEGABYTES} MB.`,
    "Every row is validated before anything is written, with the rules of creating one customer; rows are matched by external ID: a new one",
    "adds the customer, a known one updates it, each with its audit event. Unless dry_run, the valid file is imported by a bulk job",
    "(bulk_job in the answer); by default nothing is written while any row is in error. A file that cannot be read as CSV answers 400 with the line.",
  ].join(" "),
  scope: "customer_imports:write",
  rateGroup: "customers",
  query: importQuery,
  upload: { contentType: "text/csv", maxBytes: MAX_IMPORT_MEGABYTES * 1024 * 1024 },
  response: resultOf(importResult),
  async handler(ctx, { query, upload }) {
    const view = await validateImport(ctx, { bytes: upload!, fileName: query.file_name || "customers.csv", mapping: mappingFromQuery(query.mapping ?? null) });
    const startable = view.id !== null && view.createRows + view.updateRows > 0 && (view.errorRows === 0 || query.skip_errors);
    const job = !query.dry_run && startable ? await startImport(ctx, { importId: view.id!, skipErrors: query.skip_errors }) : null;
    return { result: toImportResult(view, job) };
  },
});
