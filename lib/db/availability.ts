/**
 * Whether this process has found the database unreachable, shared through globalThis by the proxy, the route
 * handlers and the pages (each is bundled on its own). Once a request finds it down, every request answers 503 at
 * once instead of queueing on connections that cannot open, and a probe every second notices its return.
 */
const PROBE_INTERVAL_MS = 1_000;

const holder = globalThis as unknown as { partnerConsoleDbOutage?: { since: number } | null };

export function databaseOutage(): { since: number } | null {
  return holder.partnerConsoleDbOutage ?? null;
}

/** Records an outage (once) and probes until `probe` answers true, then lets requests through again. */
export function noteDatabaseOutage(probe: () => Promise<boolean>): void {
  if (holder.partnerConsoleDbOutage) return;
  holder.partnerConsoleDbOutage = { since: Date.now() };
  const check = async () => {
    if (await probe().catch(() => false)) {
      holder.partnerConsoleDbOutage = null;
      console.info("The database answers again.");
    } else {
      setTimeout(check, PROBE_INTERVAL_MS).unref?.();
    }
  };
  console.warn("The database is unreachable: answering 503 until it is back.");
  setTimeout(check, PROBE_INTERVAL_MS).unref?.();
}
