import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db";

/** Whether the database answers: the health route and the 503 page depend on it. */
export async function databaseIsUp(): Promise<boolean> {
  try {
    await getDatabase().execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
