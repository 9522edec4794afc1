/**
 * Running writes at the same time, for the concurrency tests. On PostgreSQL a second connection holds a row lock
 * that every write must pass, until all of them wait on it: they then truly overlap, whatever the machine's speed.
 * The embedded database has one connection and runs them one after another (the outcome rules still hold).
 */
import postgres from "postgres";
import { inject } from "vitest";
import { customers } from "@/db/schema";
import { poolerOptions, type Queryable } from "@/db/connection";

export const onRealPostgres = () => !inject("embedded");

/** A connection of its own to the test database (PostgreSQL only), for locks and for killing backends. */
export function sideConnection(): postgres.Sql {
  return postgres(inject("databaseUrl"), { max: 1, onnotice: () => {}, ...poolerOptions() });
}

/** Backends of this database, other than `sql`'s own, waiting for a lock (other test runs share the server). */
export async function lockWaiters(sql: postgres.Sql | postgres.TransactionSql): Promise<number[]> {
  // The list of backends is a snapshot kept for the transaction: drop it, or new connections stay unseen.
  await sql`select pg_stat_clear_snapshot()`;
  const rows = await sql<{ pid: number }[]>`
    select distinct l.pid from pg_locks l
     where not l.granted and l.pid <> pg_backend_pid()
       and l.pid in (select pid from pg_stat_get_activity(null) a join pg_database d on d.oid = a.datid where d.datname = current_database())`;
  return rows.map((row) => row.pid);
}

/** What the side connection holds while the writes start: a row locked FOR UPDATE, or any statement of its own. */
export type Hold = { table: string; id: number } | ((sql: postgres.TransactionSql) => Promise<unknown>);

async function take(sql: postgres.TransactionSql, hold: Hold): Promise<void> {
  if (typeof hold === "function") await hold(sql);
  else await sql`select 1 from ${sql(hold.table)} where id = ${hold.id} for update`;
}

async function untilWaiting(sql: postgres.TransactionSql, count: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const waiting = await lockWaiters(sql);
    if (waiting.length >= count || Date.now() > deadline) return waiting;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs `writes` at once. On PostgreSQL the side connection's transaction keeps `hold` until every write waits for
 * a lock (at most 10 s), so that none of them finishes before the others started; it then commits.
 */
export async function concurrently<T>(writes: (() => Promise<T>)[], hold: Hold): Promise<PromiseSettledResult<T>[]> {
  if (!onRealPostgres()) return Promise.allSettled(writes.map((write) => write()));
  const side = sideConnection();
  try {
    let settled!: Promise<PromiseSettledResult<T>[]>;
    await side.begin(async (sql) => {
      await take(sql, hold);
      settled = Promise.allSettled(writes.map((write) => write()));
      await untilWaiting(sql, writes.length);
    });
    return await settled;
  } finally {
    await side.end();
  }
}

/**
 * postgres.js 3.4 sends the ROLLBACK of a transaction whose connection just died from a setImmediate callback that
 * finds the socket gone: an uncaught TypeError in `nextWrite` (porsager/postgres#1208, no fixed release yet). The
 * transaction itself is rejected and the pool replaces the connection; `next start` logs uncaught exceptions and
 * goes on. While `work` runs (and a moment after, for the callback), that one error is set aside; any other
 * uncaught error still reaches Vitest.
 */
async function despiteDeadSocketWrite<T>(work: () => Promise<T>): Promise<T> {
  const vitestListeners = process.listeners("uncaughtException");
  const isDeadSocketWrite = (error: Error) => error instanceof TypeError && /reading 'write'/.test(error.message) && /nextWrite/.test(error.stack ?? "");
  const listener = (error: Error, origin: NodeJS.UncaughtExceptionOrigin) => {
    if (!isDeadSocketWrite(error)) for (const other of vitestListeners) other(error, origin);
  };
  process.removeAllListeners("uncaughtException");
  process.on("uncaughtException", listener);
  try {
    return await work();
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.removeListener("uncaughtException", listener);
    for (const other of vitestListeners) process.on("uncaughtException", other);
  }
}

/**
 * Starts `write`, and once it waits for the lock `hold` keeps (its transaction open, part of its rows written),
 * terminates its backend as a crash or a killed request would. Answers what `write` ended with. PostgreSQL only.
 */
export async function killedMidWrite(write: () => Promise<unknown>, hold: Hold): Promise<PromiseSettledResult<unknown>> {
  const side = sideConnection();
  try {
    return await despiteDeadSocketWrite(() => killWhileWaiting(side, write, hold));
  } finally {
    await side.end();
  }
}

async function killWhileWaiting(side: postgres.Sql, write: () => Promise<unknown>, hold: Hold): Promise<PromiseSettledResult<unknown>> {
  let settled!: Promise<PromiseSettledResult<unknown>[]>;
  await side.begin(async (sql) => {
    await take(sql, hold);
    settled = Promise.allSettled([write()]);
    const [victim] = await untilWaiting(sql, 1);
    if (victim === undefined) throw new Error("The write never waited for the held lock.");
    await sql`select pg_terminate_backend(${victim})`;
  });
  return (await settled)[0]!;
}

/** `count` customers of a partner, inserted in batches (10,000 one by one would take a while on PGlite). */
export async function createManyCustomers(db: Queryable, partnerId: number, planId: number, count: number, label = "Bulk"): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - start) }, (_, index) => ({
      partnerId,
      planId,
      name: `${label} customer ${start + index + 1}`,
      notificationEmail: "ops@example.test",
    }));
    const rows = await db.insert(customers).values(batch).returning({ id: customers.id });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
