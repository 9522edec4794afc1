import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import { getDatabase } from "@/lib/db";

/**
 * Flags the trials that have ended since the last run, so that the Customers table reads ended trials from their
 * own indexes instead of walking every running trial first (docs/customers-table-plans.md). A maintenance job of
 * the server for all partners; the rows it has not reached yet are still found, through their trial end.
 */
export async function flagEndedTrials(at: Date = now()): Promise<number> {
  // Raw SQL: one set-based update across every partner's customers, run by the server's periodic job every minute.
  const rows = await getDatabase().execute(sql`
    update customers set trial_ended = true
     where trial_ends_at is not null and not trial_ended and trial_ends_at <= ${at}`);
  return rows.count ?? 0;
}
