import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { customerImportRows } from "@/db/schema";
import type { ActionRunner } from "@/lib/bulk-jobs/runners";
import { MAX_KEPT_ERRORS, type ParsedBulkAction } from "@/lib/bulk-jobs/types";
import { formatNumber, pluralWord } from "@/lib/format";
import { applyImportBatch, importToStart } from "./apply-batch";

const rows = (count: number) => `${formatNumber(count)} ${pluralWord(count, "row")}`;

/**
 * The bulk job of an import (action `import`): it walks the import's valid rows by line, the job's cursor being the
 * last line done, each batch in the job's transaction. Checked again by every batch: an import with rows in error
 * runs only with `skipErrors`, and then the rows in error are the job's first errors, counted as failed.
 */
export const importRunner: ActionRunner<Extract<ParsedBulkAction, { type: "import" }>> = async (tx, ctx, action) => {
  const found = await importToStart(tx, ctx, action.importId, action.skipErrors);
  return {
    label: `Import customers from ${found.fileName}`,
    ownRows: {
      selectionDescription:
        `${rows(found.total)} of ${found.fileName}: ${formatNumber(found.createRows)} new, ${formatNumber(found.updateRows)} ${pluralWord(found.updateRows, "update")}` +
        (found.errorRows > 0 ? `; ${rows(found.errorRows)} in error skipped` : ""),
      total: async () => found.total,
      async skipped(startTx, startCtx) {
        const skipped = await startTx
          .select({ line: customerImportRows.line, externalId: customerImportRows.externalId, reason: customerImportRows.reason })
          .from(customerImportRows)
          .where(and(eq(customerImportRows.importId, found.id), eq(customerImportRows.partnerId, startCtx.partnerId), eq(customerImportRows.kind, "error")))
          .orderBy(asc(customerImportRows.line))
          .limit(MAX_KEPT_ERRORS);
        return {
          failed: found.errorRows,
          errors: skipped.map((row) => ({ line: row.line, ...(row.externalId ? { externalId: row.externalId } : {}), reason: `Skipped: ${row.reason}` })),
        };
      },
      async runAfter(batchTx, batchCtx, cursor, size) {
        const done = await applyImportBatch(batchTx, batchCtx, { importId: found.id, afterLine: cursor, limit: size });
        if (!done) return { cursor, processed: 0, changed: 0, failed: 0, errors: [] };
        const errors = done.errors.map((error) => ({ line: error.line, ...(error.externalId ? { externalId: error.externalId } : {}), reason: error.reason }));
        return { cursor: done.lastLine, processed: done.processed, changed: done.changed, failed: errors.length, errors };
      },
    },
  };
};
