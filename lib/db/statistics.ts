import "server-only";
import { sql } from "drizzle-orm";
import { logError } from "@/lib/observability/log-error";
import { getDatabase } from "./index";

/**
 * A bulk job or import that changes this many customers or more refreshes the planner's statistics of the customers
 * table when it ends. Autovacuum would wait for a tenth of a million-row table to change; until then the planner
 * believes a partner who just imported 50,000 customers has one, and picks plans that read every one of them for each
 * line of the next file (a 100,000-row validation measured 565 s on stale statistics; docs/bulk-jobs.md).
 */
export const STATISTICS_AFTER_CHANGES = 1_000;

/**
 * ANALYZE customers: about a second at a million rows; it takes no lock that blocks reads or writes. A hint for the
 * planner, never part of a job's outcome: a failure is logged, and autovacuum catches up later.
 */
export async function refreshCustomerStatistics(): Promise<void> {
  try {
    // Raw SQL: ANALYZE has no query-builder form.
    await getDatabase().execute(sql`analyze customers`);
  } catch (error) {
    logError(error, "refreshing the customers table's statistics failed");
  }
}
