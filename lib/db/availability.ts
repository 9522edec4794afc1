/**
 * Whether this process has found the database unreachable, shared through globalThis by the proxy, the route
 * handlers and the pages (each is bundled on its own). When a request fails as if the database were down, a probe
 * on a fresh connection confirms it (a pool's stale connection after a restart is not an outage); from then on every
 * request answers 503 at once instead of queueing on connections that cannot open, and the probe, every second,
 * notices the database's return.
 */
const PROBE_INTERVAL_MS = 1_000;
/** A probe that hangs (postgres.js can, on a socket the server closed) counts as a failed one. */
const PROBE_TIMEOUT_MS = 2_000;

interface State {
  outage: { since: number } | null;
  checking: boolean;
}

const holder = globalThis as unknown as { partnerConsoleDbAvailability?: State };
const state = (holder.partnerConsoleDbAvailability ??= { outage: null, checking: false });

export function databaseOutage(): { since: number } | null {
  return state.outage;
}

async function answers(probe: () => Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A request failed as if the database were unreachable: probe it, and if it is, answer 503 until a probe succeeds.
 * Only one check runs at a time.
 */
export function suspectDatabaseOutage(probe: () => Promise<boolean>): void {
  if (state.outage || state.checking) return;
  state.checking = true;
  const check = async () => {
    const up = await answers(probe);
    if (up) {
      if (state.outage) console.info("The database answers again.");
      state.outage = null;
      state.checking = false;
      return;
    }
    if (!state.outage) {
      state.outage = { since: Date.now() };
      console.warn("The database is unreachable: answering 503 until it is back.");
    }
    setTimeout(check, PROBE_INTERVAL_MS).unref?.();
  };
  void check();
}
