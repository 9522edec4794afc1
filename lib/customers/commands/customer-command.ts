import "server-only";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { customers } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { recordAudits } from "@/lib/audit/record-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { readCustomer, type CustomerRecord } from "@/lib/customers/reads/customer-record";
import { replaceSelectedApps } from "@/lib/app-access/replace-selected";

export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface CommandPlan {
  /** The audit action, e.g. `customer.plan_changed`. */
  action: string;
  /** Old and new values; fields whose value stays the same are dropped, and nothing is written when none is left. */
  changes: Changes;
  /** Columns of `customers` to write. */
  set?: Partial<typeof customers.$inferInsert>;
  /** The customer's selected apps after the change (App access, rule U24), written only when something changes. */
  selectedAppIds?: readonly number[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The customers whose changing plans name their selected apps, with those apps (the last plan that names them). */
function selectedAppsOf(changed: readonly { customer: Pick<CustomerRecord, "id">; effective: readonly CommandPlan[] }[]) {
  return changed.flatMap(({ customer, effective }) => {
    const appIds = effective.findLast((plan) => plan.selectedAppIds !== undefined)?.selectedAppIds;
    return appIds ? [{ customerId: customer.id, appIds }] : [];
  });
}

/** The plans that change something, each without the fields that stay the same, and the columns they write. */
function effectivePlans(plans: readonly CommandPlan[]): { effective: CommandPlan[]; set: NonNullable<CommandPlan["set"]> } {
  const effective = plans
    .map((plan) => ({ ...plan, changes: Object.fromEntries(Object.entries(plan.changes).filter(([, change]) => !same(change.from, change.to))) }))
    .filter((plan) => Object.keys(plan.changes).length > 0);
  return { effective, set: Object.assign({}, ...effective.map((plan) => plan.set ?? {})) as NonNullable<CommandPlan["set"]> };
}

function auditEntryOf(customer: CustomerRecord, plan: CommandPlan, set: NonNullable<CommandPlan["set"]>): AuditEntry {
  return {
    action: plan.action,
    targetType: "customer",
    targetId: customer.id,
    changes: plan.changes,
    // Named as it is after the change, so that a rename reads under the new name.
    customer: { id: customer.id, name: set.name ?? customer.name },
  };
}

/**
 * Writes what the plans say, on a customer read and locked in `tx`: each plan's changes without the fields that stay
 * the same, one row update with every plan's columns, and one audit event per plan that changes something (the
 * same event whichever way the change arrived: Settings, the API or a bulk job). Answers whether anything changed.
 */
export async function applyPlans(tx: Transaction, ctx: RequestContext, customer: CustomerRecord, plans: readonly CommandPlan[]): Promise<boolean> {
  const { effective, set } = effectivePlans(plans);
  if (effective.length === 0) return false;
  if (Object.keys(set).length > 0) {
    await tx
      .update(customers)
      .set({ ...set, updatedAt: ctx.now })
      .where(and(eq(customers.id, customer.id), eq(customers.partnerId, ctx.partnerId)));
  }
  await replaceSelectedApps(tx, ctx.partnerId, selectedAppsOf([{ customer, effective }]));
  for (const plan of effective) await recordAudit(tx, ctx, auditEntryOf(customer, plan, set));
  return true;
}

/**
 * applyPlans for many customers at once (a bulk job's batch), writing the same rows: one UPDATE per set of columns
 * (from a JSON recordset, not one statement per customer) and the audit events in multi-row INSERTs. Each customer's
 * plans are decided by the same functions as the single command's. Answers the IDs of the customers that changed.
 */
export async function applyPlansMany(
  tx: Transaction,
  ctx: RequestContext,
  decided: readonly { customer: CustomerRecord; plans: readonly CommandPlan[] }[],
): Promise<number[]> {
  const changed: number[] = [];
  const audits: AuditEntry[] = [];
  const withApps: { customer: CustomerRecord; effective: CommandPlan[] }[] = [];
  const updates = new Map<string, { id: number; set: Record<string, unknown> }[]>();
  for (const { customer, plans } of decided) {
    const { effective, set } = effectivePlans(plans);
    if (effective.length === 0) continue;
    changed.push(customer.id);
    const keys = Object.keys(set).sort();
    if (keys.length > 0) {
      const group = updates.get(keys.join(",")) ?? [];
      group.push({ id: customer.id, set });
      updates.set(keys.join(","), group);
    }
    withApps.push({ customer, effective });
    for (const plan of effective) audits.push(auditEntryOf(customer, plan, set));
  }
  for (const [keys, rows] of updates) await updateMany(tx, ctx, keys.split(","), rows);
  await replaceSelectedApps(tx, ctx.partnerId, selectedAppsOf(withApps));
  await recordAudits(tx, ctx, audits);
  return changed;
}

const COLUMNS = getTableColumns(customers) as Record<string, PgColumn>;

/** One UPDATE of `keys` (columns of `customers`, by their property names) for many rows, from a JSON recordset. */
async function updateMany(tx: Transaction, ctx: RequestContext, keys: string[], rows: { id: number; set: Record<string, unknown> }[]): Promise<void> {
  const columns = keys.map((key) => {
    const column = COLUMNS[key];
    if (!column) throw new Error(`customers has no column ${key}`);
    return { key, name: sql.identifier(column.name), type: sql.raw(column.getSQLType()) };
  });
  const records = rows.map((row) => Object.fromEntries([["id", row.id], ...columns.map(({ key }) => [key, row.set[key] ?? null])]));
  // Raw SQL: one update from jsonb_to_recordset gives each customer of a batch its own values in one statement.
  await tx.execute(sql`
    update customers c
       set ${sql.join(
         columns.map(({ key, name }) => sql`${name} = v.${sql.identifier(key)}`),
         sql`, `,
       )}, updated_at = ${ctx.now}
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
           as v(id int, ${sql.join(
             columns.map(({ key, type }) => sql`${sql.identifier(key)} ${type}`),
             sql`, `,
           )})
     where c.id = v.id and c.partner_id = ${ctx.partnerId}`);
}

/**
 * The shape of every command on one customer, once the command has authorized: the customer is read and locked
 * within the partner (another partner's answers NOT_FOUND and nothing is written); `decide` validates and says what
 * changes; the writes and their audit event share one transaction.
 */
export async function customerCommand(
  ctx: RequestContext,
  customerId: number,
  decide: (tx: Transaction, customer: CustomerRecord) => Promise<CommandPlan>,
): Promise<{ changed: boolean }> {
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId, { forUpdate: true });
    return { changed: await applyPlans(tx, ctx, customer, [await decide(tx, customer)]) };
  });
}
