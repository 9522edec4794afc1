import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { apps, plans } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/customers/status";
import { sqlContext } from "@/lib/customers/reads/table";
import { viewConditions, whereOf } from "@/lib/customers/reads/table-sql";
import { intArrayLiteral } from "@/lib/search/like-pattern";
import { queryOfFilter, type BulkFilter, type ParsedBulkSelection } from "./types";

/** The customers of a selection, as a condition on `customers c` (the Customers table's own WHERE for a view). */
export async function selectionCondition(tx: Transaction, ctx: RequestContext, selection: ParsedBulkSelection): Promise<SQL> {
  const mine = sql`c.partner_id = ${ctx.partnerId}`;
  switch (selection.kind) {
    case "ids":
      return sql`${mine} and c.id = any(${intArrayLiteral(selection.ids)}::int[])`;
    case "external_ids":
      return sql`${mine} and c.external_id in (select jsonb_array_elements_text(${JSON.stringify(selection.externalIds)}::jsonb))`;
    case "view":
      return whereOf(viewConditions(queryOfFilter(selection.query), await sqlContext(tx, ctx)));
  }
}

/** IDs or external IDs of a listed selection that name none of the partner's customers (reported, not acted on). */
export async function unknownReferences(
  tx: Transaction,
  ctx: RequestContext,
  selection: ParsedBulkSelection,
): Promise<{ customerId?: number; externalId?: string }[]> {
  if (selection.kind === "ids") {
    // Raw SQL: the named IDs that are not the partner's customers, from an unnested array, in one statement however many were named.
    const rows = await tx.execute<{ id: number }>(sql`
      select u.id from unnest(${intArrayLiteral(selection.ids)}::int[]) u(id)
       where not exists (select 1 from customers c where c.id = u.id and c.partner_id = ${ctx.partnerId})`);
    return rows.map((row) => ({ customerId: row.id }));
  }
  if (selection.kind === "external_ids") {
    const rows = await tx.execute<{ external_id: string }>(sql`
      select u.external_id from jsonb_array_elements_text(${JSON.stringify(selection.externalIds)}::jsonb) u(external_id)
       where not exists (select 1 from customers c where c.external_id = u.external_id and c.partner_id = ${ctx.partnerId})`);
    return rows.map((row) => ({ externalId: row.external_id }));
  }
  return [];
}

const JOINED_WORDS = { "7d": "in the last 7 days", "30d": "in the last 30 days", "90d": "in the last 90 days", "12m": "in the last 12 months" } as const;

/**
 * A selection in words, with its count: "All 48,210 customers on plan Free that joined in the last 12 months". Plan
 * and app IDs that are not the partner's are refused naming the field, so a job never runs on a filter that
 * silently matches something else.
 */
export async function describeSelection(tx: Transaction, ctx: RequestContext, selection: ParsedBulkSelection, count: number): Promise<string> {
  const customers = `${formatNumber(count)} customer${count === 1 ? "" : "s"}`;
  if (selection.kind === "ids") return `${customers} selected`;
  if (selection.kind === "external_ids") return `${customers} selected by external ID`;
  return `All ${customers}${await filterWords(tx, ctx, selection.query)}`;
}

async function filterWords(tx: Transaction, ctx: RequestContext, filter: BulkFilter): Promise<string> {
  const words: string[] = [];
  if (filter.status !== "all") words.push(`with status ${STATUS_LABELS[filter.status]}`);
  if (filter.plans.length > 0) {
    const named = await tx
      .select({ id: plans.id, name: plans.name })
      .from(plans)
      .where(and(eq(plans.partnerId, ctx.partnerId), inArray(plans.id, filter.plans)));
    if (named.length !== new Set(filter.plans).size) throw invalid("Choose your own plans.", { "selection.query.plans": ["One of these plans is not yours."] });
    words.push(`on plan ${named.map((plan) => plan.name).join(" or ")}`);
  }
  if (filter.app !== null) {
    const [app] = await tx.select({ name: apps.name }).from(apps).where(eq(apps.id, filter.app));
    if (!app) throw invalid("Choose an app of the catalog.", { "selection.query.app": ["There is no app with this ID."] });
    words.push(`connected to ${app.name}`);
  }
  if (filter.q.trim() !== "") words.push(`matching “${filter.q.trim()}”`);
  if (filter.joined === "custom") {
    if (filter.from && filter.to) words.push(`that joined from ${filter.from} to ${filter.to}`);
    else if (filter.from) words.push(`that joined on or after ${filter.from}`);
    else if (filter.to) words.push(`that joined on or before ${filter.to}`);
  } else if (filter.joined !== null) {
    words.push(`that joined ${JOINED_WORDS[filter.joined]}`);
  }
  return words.length > 0 ? ` ${words.join(" ")}` : "";
}
