import "server-only";

/**
 * Per-client fixed-window rate limits, in memory. The documented limits are per client and per group of endpoints
 * (60 a minute for customer managers and for collaborators); each can be changed with
 * `API_RATE_LIMIT_<GROUP>` (requests a minute). One process serves the console, so memory is enough here; several
 * instances would need a shared store.
 */
export const RATE_GROUPS = {
  customer_managers: 60,
  collaborators: 60,
  customers: 1000,
  directory: 600,
  embedding: 60,
} as const;
export type RateGroup = keyof typeof RATE_GROUPS;

const WINDOW_MS = 60_000;
const windows = new Map<string, { startedAt: number; count: number }>();

export function rateLimitOf(group: RateGroup): number {
  const configured = Number(process.env[`API_RATE_LIMIT_${group.toUpperCase()}`]);
  return Number.isInteger(configured) && configured > 0 ? configured : RATE_GROUPS[group];
}

/** Counts one request; answers how many seconds to wait when the window is full, else null. */
export function takeRequest(apiClientId: number, group: RateGroup, at: number = Date.now()): number | null {
  const key = `${apiClientId}:${group}`;
  let window = windows.get(key);
  if (!window || at - window.startedAt >= WINDOW_MS) {
    window = { startedAt: at, count: 0 };
    windows.set(key, window);
    if (windows.size > 10_000) pruneWindows(at);
  }
  if (window.count >= rateLimitOf(group)) return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - at) / 1000));
  window.count += 1;
  return null;
}

function pruneWindows(at: number): void {
  for (const [key, window] of windows) if (at - window.startedAt >= WINDOW_MS) windows.delete(key);
}
