import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import { getDatabase } from "@/lib/db";
import { billingPeriodOf } from "@/lib/customers/billing-period";

/**
 * Starts a new billing period for every customer whose roll-up still counts an earlier one, so that sorting by
 * tasks used agrees with what the table shows (which already reads an old period as 0). Runs for all partners:
 * a maintenance job of the server, not a request.
 */
export async function rollOverBillingPeriods(at: Date = now()): Promise<number> {
  const period = billingPeriodOf(at);
  // Raw SQL: one set-based update across every partner's customers, run by the server's periodic job.
  const rows = await getDatabase().execute(sql`
    update customers set tasks_used = 0, usage_period = ${period}::date
     where usage_period < ${period}::date`);
  return rows.count ?? 0;
}
