import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { customerImportRows, customerImports, plans } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { insertCustomers } from "@/lib/customers/commands/add-customer";
import { applyPlansMany } from "@/lib/customers/commands/customer-command";
import { trialChange } from "@/lib/customers/commands/settings";
import { patchPlans } from "@/lib/customers/commands/update-customer";
import { readCustomers } from "@/lib/customers/reads/customer-record";
import { invalid, notFound } from "@/lib/errors";
import type { ImportValues } from "./validate-rows";
import { knownCustomersByExternalId } from "./known-customers";
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
  /** The last line done, for the job's cursor. */
  lastLine: number;
  processed: number;
  changed: number;
  errors: ImportRowError[];
}

/**
 * Applies the next `limit` valid rows after `afterLine`, in the caller's transaction (the job's batch, which also
 * moves its cursor to `lastLine`, so that a resumed job neither repeats nor skips a row); null when none is left.
 * Rows are matched again at this moment, so a customer added since validation is updated, not added twice. Each
 * row is decided by the same verbs as one customer alone, and written set-based with the same rows and audit
 * events: a known external ID through `patchPlans` (rename, notification email, plan, trial) and applyPlansMany,
 * a new one through `insertCustomers` (then its trial through the trial verb). A row whose plan was deleted since
 * the file was checked is reported, and the batch goes on.
 */
export async function applyImportBatch(
  tx: Transaction,
  ctx: RequestContext,
  input: { importId: number; afterLine: number; limit: number },
): Promise<ImportBatchResult | null> {
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
  if (rows.length === 0) return null;

  const idOf = await knownCustomersByExternalId(
    tx,
    ctx,
    rows.map((row) => row.externalId!),
  );
  const partnerPlans = new Map(
    (await tx.select({ id: plans.id, name: plans.name, isFree: plans.isFree }).from(plans).where(eq(plans.partnerId, ctx.partnerId))).map((plan) => [
      plan.id,
      plan,
    ]),
  );

  const errors: ImportRowError[] = [];
  const refuse = (row: (typeof rows)[number], reason: string) => errors.push({ line: row.line, externalId: row.externalId, reason });
  const updates: { row: (typeof rows)[number]; customerId: number; values: ImportValues; plan?: { id: number; name: string } }[] = [];
  const creates: { row: (typeof rows)[number]; values: ImportValues; plan: { id: number; name: string } }[] = [];
  for (const row of rows) {
    const values = (row.values ?? {}) as ImportValues;
    const plan = values.planId === undefined ? undefined : partnerPlans.get(values.planId);
    if (values.planId !== undefined && !plan) {
      refuse(row, "Its plan was deleted after the file was checked.");
      continue;
    }
    const customerId = idOf.get(row.externalId!);
    if (customerId !== undefined) updates.push({ row, customerId, values, plan });
    else if (values.name === undefined || values.notificationEmail === undefined || !plan || plan.isFree) {
      refuse(row, "The customer with this external ID was deleted after the file was checked, and the row lacks what a new customer needs.");
    } else creates.push({ row, values, plan });
  }

  const found = new Map(
    (
      await readCustomers(
        tx,
        ctx,
        updates.map((update) => update.customerId),
      )
    ).map((customer) => [customer.id, customer]),
  );
  const updated = await applyPlansMany(
    tx,
    ctx,
    updates.flatMap(({ row, customerId, values, plan }) => {
      const customer = found.get(customerId);
      if (!customer) refuse(row, "The customer with this external ID was deleted while the import ran.");
      return customer ? [{ customer, plans: patchPlans(ctx, customer, values, { plan }) }] : [];
    }),
  );
  const added = await insertCustomers(
    tx,
    ctx,
    creates.map(({ row, values, plan }) => ({
      input: { name: values.name!, notificationEmail: values.notificationEmail!, planId: plan.id, externalId: row.externalId },
      plan,
      iframeOrigins: [],
    })),
  );
  // A new customer with a trial: added, then its trial started, as one added alone and then given a trial.
  const inTrial = added.filter((_, index) => creates[index]!.values.inTrial === true).map((customer) => customer.id);
  const trials = await readCustomers(tx, ctx, inTrial);
  await applyPlansMany(
    tx,
    ctx,
    trials.map((customer) => ({ customer, plans: [trialChange(ctx, customer, true)] })),
  );
  return { lastLine: rows[rows.length - 1]!.line, processed: rows.length, changed: updated.length + added.length, errors };
}
