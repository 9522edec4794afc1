import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "../lib/env";
import * as schema from "./schema";

export type Database = ReturnType<typeof drizzle<typeof schema>>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything queries can run on: the database or a transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  /** The raw postgres.js client, for set-based SQL (seeds, benchmarks) and for closing. */
  client: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Whether DATABASE_URL goes through a pooler in transaction mode (PgBouncer `pool_mode = transaction`,
 * `DATABASE_POOL_MODE=transaction`): then consecutive transactions of one client connection may run on different
 * server connections, so nothing may live in the session. Prepared statements are off (PgBouncer before 1.21 does
 * not carry them across server connections), and no role is set at connect (every partner-scoped transaction sets
 * it for itself, lib/db/index.ts `partnerScope`).
 */
export function behindTransactionPooler(): boolean {
  return env("DATABASE_POOL_MODE") === "transaction";
}

/** The postgres.js options every client of DATABASE_URL needs under a transaction pooler (none otherwise). */
export function poolerOptions(): { prepare?: boolean } {
  return behindTransactionPooler() ? { prepare: false } : {};
}

/**
 * Opens a database through postgres.js. The embedded database (PGlite behind its socket server) serves one
 * connection at a time and serialises everything, so it gets a pool of one; a real PostgreSQL gets a pool.
 */
export function openDatabase(url: string, options: { embedded?: boolean; max?: number; role?: string } = {}): DatabaseHandle {
  const embedded = options.embedded ?? env("DATABASE_EMBEDDED");
  const client = postgres(url, {
    max: embedded ? 1 : (options.max ?? env("DATABASE_POOL_MAX")),
    onnotice: () => {},
    // A local database that does not answer in 3 s is down: fail the request (503) rather than hold it, and try
    // again soon (postgres.js would otherwise wait up to 20 s between attempts while a restarted server is back).
    connect_timeout: 3,
    backoff: (attempt: number) => Math.min(0.1 * 2 ** attempt, 1),
    idle_timeout: embedded ? 0 : 60,
    // A role given here is the session's from its first statement (a startup parameter), before any query can run.
    connection: { application_name: "partner-console", ...(options.role && !behindTransactionPooler() ? { role: options.role } : {}) },
    ...poolerOptions(),
  });
  const db = drizzle(client, { schema });
  // Drizzle hands timestamps to postgres.js as strings and turns off its Date serializer; put one back so that a
  // Date can also be a parameter of a raw `sql` template (the clock's `now` is one in many queries).
  const toIsoString = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  for (const type of [1082, 1114, 1184]) client.options.serializers[type] = toIsoString as (value: unknown) => string;
  return { db, client, close: () => client.end({ timeout: 5 }) };
}
