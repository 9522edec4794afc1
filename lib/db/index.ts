import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/connection";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { databaseOutage } from "./availability";

export type { Database, Queryable, Transaction } from "@/db/connection";

/** The role every partner-scoped transaction runs as: no BYPASSRLS, so row-level security holds (migration 0010). */
export const TENANT_ROLE = "partner_console_app";

interface Handles {
  system: DatabaseHandle;
  tenant: DatabaseHandle;
  /** One connection of its own for the health routes (see databaseAnswers). */
  health: DatabaseHandle;
  close(): Promise<void>;
}

const globalForDb = globalThis as unknown as { partnerConsoleDb?: Handles };

/**
 * The process's database handles, created on first use (never at build time) and kept on globalThis so that
 * `next dev` reloads do not open new pools.
 *
 * On PostgreSQL the tenant pool's sessions start as TENANT_ROLE, so that a query that escapes `inPartnerScope`
 * still reads nothing. The embedded database is one session shared by every connection (a role set for one would
 * be set for all), so there both handles are the same single connection and each partner-scoped transaction sets
 * the role for itself (lib/context.ts does so on PostgreSQL too).
 */
function handles(): Handles {
  if (!globalForDb.partnerConsoleDb) {
    const url = env("DATABASE_URL");
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the console with `npm start`, which provides the embedded database.");
    }
    const system = openDatabase(url);
    const tenant = env("DATABASE_EMBEDDED") ? system : openDatabase(url, { role: TENANT_ROLE });
    const health = env("DATABASE_EMBEDDED") ? system : openDatabase(url, { max: 1 });
    globalForDb.partnerConsoleDb = {
      system,
      tenant,
      health,
      close: async () => {
        await Promise.all([system.close(), tenant === system ? null : tenant.close(), health === system ? null : health.close()]);
      },
    };
  }
  return globalForDb.partnerConsoleDb;
}

/**
 * The database as the connecting (owner) role, which row-level security does not hold. Only for what comes before
 * a partner is known or spans partners: sign-in, reading a session or an API token, an invitation link, the
 * workspace's frame origins, the vendor a direct link's token names (issue 14), the job queue and the periodic jobs, the API's shared rate-limit windows, the planner's statistics after a large bulk job (only the owner may ANALYZE), and tests'
 * fixtures. lib/db/tenant-isolation.test.ts keeps the list of the files that may use it; everything else goes through `inPartnerScope` (lib/context.ts).
 */
export function getDatabase(): Database {
  refuseDuringOutage();
  return handles().system.db;
}

/** The pool partner-scoped transactions run on (lib/context.ts, and the CSV export's cursor). */
export function tenantDatabase(): DatabaseHandle {
  refuseDuringOutage();
  return handles().tenant;
}

/**
 * Closes the process's handles, if they were opened: a command-line script that used the data-access layer
 * (`npm run api-token`) must let go of the embedded database's one connection before it stops serving it.
 */
export async function closeDatabase(): Promise<void> {
  const open = globalForDb.partnerConsoleDb;
  globalForDb.partnerConsoleDb = undefined;
  await open?.close();
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable for a moment (it may be restarting). Try again in a few seconds.";
/** What clients are told to wait: a PostgreSQL restart takes a few seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function databaseUnavailableError(): DomainError {
  return new DomainError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, {}, DATABASE_RETRY_AFTER_SECONDS);
}

/** While an outage is known (lib/db/availability.ts), a request fails at once rather than waiting for a connection. */
function refuseDuringOutage(): void {
  if (databaseOutage()) throw databaseUnavailableError();
}

/**
 * Whether the database answers a trivial query: the health routes. On a connection of its own, not the pool's: under
 * load every pooled connection is busy with requests, and a balancer's check queued behind them timed out, so that
 * haproxy took a busy but healthy instance out of rotation (and, with one instance killed and one restarting, the
 * last one too: every request answered 503; docs/reliability.md).
 */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await handles().health.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a new connection to the database answers: the outage probe, which must not trust the pool's sockets.
 * The embedded database serves one connection (a second would reset the first) and lives in this process: there
 * the pool is asked.
 */
export async function databaseReachable(): Promise<boolean> {
  const url = env("DATABASE_URL");
  if (!url) return false;
  if (env("DATABASE_EMBEDDED")) return databaseAnswers();
  const probe = openDatabase(url, { max: 1 });
  try {
    await probe.client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.client.end({ timeout: 1 }).catch(() => undefined);
  }
}

/**
 * The first statement of a partner-scoped transaction: the tenant role and the partner, both local to the
 * transaction, so that the row-level security policies answer only this partner's rows.
 */
export function partnerScope(partnerId: number): SQL {
  return sql`select set_config('role', ${TENANT_ROLE}, true), set_config('app.partner_id', ${String(partnerId)}, true)`;
}
