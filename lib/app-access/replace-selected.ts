import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { customerAppAccess } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { insertMany } from "@/lib/db/insert-many";

/**
 * Replaces the selected apps of many customers at once (rule U24): one delete and one insert for a whole bulk job's
 * batch, as for one customer's Apply changes. An empty list leaves a customer with no rows (its mode is "all").
 */
export async function replaceSelectedApps(
  tx: Queryable,
  partnerId: number,
  selections: readonly { customerId: number; appIds: readonly number[] }[],
): Promise<void> {
  if (selections.length === 0) return;
  await tx.delete(customerAppAccess).where(
    and(
      eq(customerAppAccess.partnerId, partnerId),
      inArray(
        customerAppAccess.customerId,
        selections.map((selection) => selection.customerId),
      ),
    ),
  );
  await insertMany(
    tx,
    customerAppAccess,
    selections.flatMap(({ customerId, appIds }) => appIds.map((appId) => ({ partnerId, customerId, appId }))),
  );
}
