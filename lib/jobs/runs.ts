import "server-only";
import { desc, eq } from "drizzle-orm";
import { backgroundJobs } from "@/db/schema";
import { getDatabase } from "@/lib/db";

export interface JobRun {
  id: number;
  name: string;
  period: string | null;
  status: string;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  rowsTouched: number | null;
  error: string | null;
}

/**
 * The record of the latest runs, newest first (of one job, or of all): when each started and finished, the rows it
 * touched, its error. The jobs span partners, so this is for operators (and the load run's checks), not a partner.
 */
export async function recentJobRuns(options: { name?: string; limit?: number } = {}): Promise<JobRun[]> {
  const rows = await getDatabase()
    .select()
    .from(backgroundJobs)
    .where(options.name ? eq(backgroundJobs.name, options.name) : undefined)
    .orderBy(desc(backgroundJobs.id))
    .limit(options.limit ?? 50);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    period: row.singletonKey,
    status: row.status,
    attempts: row.attempts,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    rowsTouched: row.rowsTouched,
    error: row.error,
  }));
}
