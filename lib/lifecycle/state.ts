/**
 * This instance's lifecycle, shared through globalThis by the custom server (scripts/server.ts) and the Next.js
 * bundles (the readiness route, instrumentation.ts), which each load their own copy of this module.
 *
 * No `server-only` here: the custom server is plain Node.js and loads it too.
 */
type Hook = () => Promise<unknown>;

interface Lifecycle {
  draining: boolean;
  inFlight: number;
  /** What to stop at shutdown, after the last request: the job worker, then the pools (registered by instrumentation). */
  hooks: Array<{ name: string; run: Hook }>;
}

const holder = globalThis as unknown as { partnerConsoleLifecycle?: Lifecycle };
const state = (holder.partnerConsoleLifecycle ??= { draining: false, inFlight: 0, hooks: [] });

export function lifecycle(): Lifecycle {
  return state;
}

export function isDraining(): boolean {
  return state.draining;
}

/** Registers something to stop at shutdown; hooks run in the order they were registered. */
export function onShutdown(name: string, run: Hook): void {
  if (!state.hooks.some((hook) => hook.name === name)) state.hooks.push({ name, run });
}
