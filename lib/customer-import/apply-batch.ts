import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { customerImportRows, customerImports, customers } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { insertCustomer } from "@/lib/customers/commands/add-customer";
import { patchCustomer } from "@/lib/customers/commands/update-customer";
import { DomainError, invalid, notFound } from "@/lib/errors";
import type { ImportValues } from "./validate-rows";
import type { ImportRowError } from "./view";

export interface ImportSummary {
  id: number;
  fileName: string;
  createRows: number;
  updateRows: number;
  errorRows: number;
}

/** The import, read within the partner (another partner's is not found), with its counts. */
export async function readImport(tx: Transaction, ctx: RequestContext, importId: number): Promise<ImportSummary> {
  const [found] = await tx
    .select({
      id: customerImports.id,
      fileName: customerImports.fileName,
      createRows: customerImports.createRows,
      updateRows: customerImports.updateRows,
      errorRows: customerImports.errorRows,
    })
    .from(customerImports)
    .where(and(eq(customerImports.id, importId), eq(customerImports.partnerId, ctx.partnerId)));
  if (!found) throw notFound("Import");
  return found;
}

/**
 * Whether the import may start: by default nothing is written while any row is in error; `skipErrors` imports the
 * valid rows and leaves the others out. Answers how many rows the job will write.
 */
export async function importToStart(tx: Transaction, ctx: RequestContext, importId: number, skipErrors: boolean): Promise<ImportSummary & { total: number }> {
  const found = await readImport(tx, ctx, importId);
  const total = found.createRows + found.updateRows;
  if (found.errorRows > 0 && !skipErrors) {
    const rows = found.errorRows === 1 ? "1 row is" : `${found.errorRows.toLocaleString("en-US")} rows are`;
    throw invalid(`${rows} in error, so nothing was imported. Fix them and upload the file again, or import the valid rows and skip the rest.`, {
      skipErrors: [`${rows} in error.`],
    });
  }
  if (total === 0) throw invalid("No row of this file can be imported.", { file: ["No row of this file can be imported."] });
  return { ...found, total };
}

export interface ImportBatchResult {
  /** The last line done, for the job's cursor; null when no row was left. */
  lastLine: number | null;
  processed: number;
  changed: number;
  errors: ImportRowError[];
}

/**
 * Applies the next `limit` valid rows after `afterLine`, in the caller's transaction (the job's batch, which also
 * moves its cursor to `lastLine`, so that a resumed job neither repeats nor skips a row). Each row goes through the
 * same verb as one customer alone: a new external ID through `insertCustomer` (then a trial through the trial verb),
 * a known one through `patchCustomer`, each with its own audit events. Rows are matched again at this moment, so a
 * customer added since validation is updated, not added twice. A row the commands refuse (a plan deleted since) is
 * reported and the batch goes on: the refusal comes before any write of that row.
 */
export async function applyImportBatch(
  tx: Transaction,
  ctx: RequestContext,
  input: { importId: number; afterLine: number; limit: number },
): Promise<ImportBatchResult> {
  const rows = await tx
    .select({ line: customerImportRows.line, externalId: customerImportRows.externalId, values: customerImportRows.values })
    .from(customerImportRows)
    .where(
      and(
        eq(customerImportRows.importId, input.importId),
        eq(customerImportRows.partnerId, ctx.partnerId),
        gt(customerImportRows.line, input.afterLine),
        inArray(customerImportRows.kind, ["create", "update"]),
      ),
    )
    .orderBy(asc(customerImportRows.line))
    .limit(input.limit);
  if (rows.length === 0) return { lastLine: null, processed: 0, changed: 0, errors: [] };

  const ids = rows.map((row) => row.externalId!);
  const existing = await tx
    .select({ id: customers.id, externalId: customers.externalId })
    .from(customers)
    .where(and(eq(customers.partnerId, ctx.partnerId), sql`${customers.externalId} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`));
  const idOf = new Map(existing.map((row) => [row.externalId!, row.id]));

  let changed = 0;
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const externalId = row.externalId!;
    const values = (row.values ?? {}) as ImportValues;
    try {
      const customerId = idOf.get(externalId);
      if (customerId !== undefined) {
        if (await patchCustomer(tx, ctx, customerId, values)) changed++;
        continue;
      }
      if (values.name === undefined || values.notificationEmail === undefined || values.planId === undefined) {
        throw invalid("The customer with this external ID was deleted after the file was checked, and the row lacks what a new customer needs.");
      }
      const created = await insertCustomer(tx, ctx, { name: values.name, notificationEmail: values.notificationEmail, planId: values.planId, externalId });
      if (values.inTrial) await patchCustomer(tx, ctx, created.id, { inTrial: true });
      idOf.set(externalId, created.id);
      changed++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push({ line: row.line, externalId, reason: error.message });
    }
  }
  return { lastLine: rows[rows.length - 1]!.line, processed: rows.length, changed, errors };
}
