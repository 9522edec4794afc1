import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";

/**
 * The partner's customers among a file's external IDs (rows are matched by external ID: a known one is an update),
 * by ID. The IDs travel as one JSON parameter, so that 100,000 of them are one statement; the lookup is fast only
 * while the planner knows how many customers the partner has (lib/db/statistics.ts).
 */
export async function knownCustomersByExternalId(tx: Transaction, ctx: RequestContext, externalIds: readonly string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const found = await tx
    .select({ id: customers.id, externalId: customers.externalId })
    .from(customers)
    .where(
      and(eq(customers.partnerId, ctx.partnerId), sql`${customers.externalId} in (select jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))`),
    );
  return new Map(found.map((row) => [row.externalId!, row.id]));
}
