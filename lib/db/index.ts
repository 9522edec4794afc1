import "server-only";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/connection";

export type { Database, Queryable, Transaction } from "@/db/connection";

const globalForDb = globalThis as unknown as { partnerConsoleDb?: DatabaseHandle };

/**
 * The process's one database handle, created on first use (never at build time) and kept on globalThis so that
 * `next dev` reloads do not open new pools.
 */
export function getDatabase(): Database {
  if (!globalForDb.partnerConsoleDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the console with `npm start`, which provides the embedded database.");
    }
    globalForDb.partnerConsoleDb = openDatabase(url);
  }
  return globalForDb.partnerConsoleDb.db;
}
