import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/connection";
import { startEmbeddedServer } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { createThrowawayDatabase } from "../../scripts/lib/database";

/** Runs `work` on a database of its own, migrated and empty, of the same kind as the run's (embedded or not). */
export async function withFreshDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const embedded = inject("embedded");
  const server = embedded ? await startEmbeddedServer({ dataDir: null }) : null;
  const throwaway = embedded ? null : await createThrowawayDatabase(inject("databaseUrl"), "console_fresh");
  const handle = openDatabase(server?.url ?? throwaway!.url, { embedded });
  try {
    await runMigrations(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
    await server?.stop();
    await throwaway?.drop();
  }
}
