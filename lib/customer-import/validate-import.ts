import "server-only";
import { eq } from "drizzle-orm";
import { customerImportRows, customerImports, plans } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { insertMany } from "@/lib/db/insert-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { authorize } from "@/lib/authorization/authorize";
import { invalid } from "@/lib/errors";
import { CsvFileError, readCsvFile } from "./csv-file";
import { LISTED_ERRORS, PREVIEW_ROWS } from "./limits";
import { guessMapping, mappingProblems, type ColumnMapping } from "./mapping";
import { validateRows, type ValidatedRow } from "./validate-rows";
import { knownCustomersByExternalId } from "./known-customers";
import type { ImportView } from "./view";

export interface ValidateImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** The user's mapping; absent, columns are matched by their headers. */
  mapping?: ColumnMapping;
}

/** Rows written per INSERT: well under PostgreSQL's 65,535 parameters, few round trips. */
/** Rows stored per statement: one JSON parameter each (insertMany), a few megabytes at most. */
const ROWS_PER_INSERT = 10_000;

function rowRecord(importId: number, partnerId: number, row: ValidatedRow): typeof customerImportRows.$inferInsert {
  return row.kind === "error"
    ? { importId, partnerId, line: row.line, externalId: row.externalId, kind: "error", reason: row.reason, cells: row.cells }
    : { importId, partnerId, line: row.line, externalId: row.externalId, kind: row.kind, values: { ...row.values } };
}

/**
 * Upload and validation of a CSV import: the file read (refused as a whole, with its line, when it is not CSV), its
 * columns matched, then every row checked against the partner's plans and customers, before anything is written to
 * a customer. The validated rows are kept (`customer_import_rows`) for the bulk job that applies them, and the rows
 * in error for the error file. Writes no customer.
 */
export async function validateImport(ctx: RequestContext, input: ValidateImportInput): Promise<ImportView> {
  await authorize(ctx, "customer_imports.write");
  let file;
  try {
    file = readCsvFile(input.bytes);
  } catch (error) {
    if (error instanceof CsvFileError) throw invalid(error.message, { file: [error.message] });
    throw error;
  }
  const mapping = input.mapping ?? guessMapping(file.header);
  const problems = mappingProblems(mapping, file.header.length);
  const base = {
    fileName: input.fileName,
    header: file.header,
    mapping,
    mappingProblems: problems,
    preview: file.rows.slice(0, PREVIEW_ROWS),
    totalRows: file.rows.length,
  };
  if (problems.length > 0) return { ...base, id: null, createRows: 0, updateRows: 0, errorRows: 0, errors: [] };

  return inPartnerScope(ctx, async (tx) => {
    const partnerPlans = await tx
      .select({ id: plans.id, name: plans.name, isFree: plans.isFree })
      .from(plans)
      .where(eq(plans.partnerId, ctx.partnerId))
      .orderBy(plans.position, plans.id);
    const column = mapping.externalId!;
    const fileIds = [...new Set(file.rows.map((row) => (row.cells[column] ?? "").trim()).filter(Boolean))];
    const known = await knownCustomersByExternalId(tx, ctx, fileIds);
    const rows = validateRows(file, mapping, { plans: partnerPlans, knownExternalIds: new Set(known.keys()) });
    const count = (kind: ValidatedRow["kind"]) => rows.filter((row) => row.kind === kind).length;
    const counts = { createRows: count("create"), updateRows: count("update"), errorRows: count("error") };

    const [created] = await tx
      .insert(customerImports)
      .values({
        partnerId: ctx.partnerId,
        fileName: input.fileName,
        header: file.header,
        mapping,
        totalRows: rows.length,
        ...counts,
        createdByName: ctx.actor.name,
        createdAt: ctx.now,
      })
      .returning({ id: customerImports.id });
    const importId = created!.id;
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await insertMany(
        tx,
        customerImportRows,
        rows.slice(start, start + ROWS_PER_INSERT).map((row) => rowRecord(importId, ctx.partnerId, row)),
      );
    }
    await recordAudit(tx, ctx, {
      action: "customer_import.validated",
      targetType: "customer_import",
      targetId: importId,
      changes: { fileName: input.fileName, rows: rows.length, ...counts },
    });
    const errors = rows
      .filter((row) => row.kind === "error")
      .slice(0, LISTED_ERRORS)
      .map((row) => ({ line: row.line, externalId: row.externalId, reason: row.kind === "error" ? row.reason : "" }));
    return { ...base, id: importId, ...counts, errors };
  });
}
