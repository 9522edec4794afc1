import "server-only";
import { lt } from "drizzle-orm";
import { apiRateLimitWindows } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { HOUR_MS } from "@/lib/time";

/** Drops rate-limit windows older than an hour (a periodic job): only the current minute's window is ever read. */
export async function pruneRateLimitWindows(at: Date = new Date()): Promise<number> {
  const rows = await getDatabase()
    .delete(apiRateLimitWindows)
    .where(lt(apiRateLimitWindows.windowStart, new Date(at.getTime() - HOUR_MS)));
  return rows.count ?? 0;
}
