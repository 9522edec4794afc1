import { env } from "@/lib/env";

/**
 * The one clock of the application. Everything that depends on time (trial ends, switch time limits, session
 * expiry, billing periods) asks it, never `Date.now()` or SQL `now()`, so that tests can move time.
 *
 * The offset can only be moved when ENABLE_TEST_CLOCK=1, which the test server sets and production never does.
 */
const globalForClock = globalThis as unknown as { partnerConsoleClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (globalForClock.partnerConsoleClockOffsetMs ?? 0));
}

export function testClockEnabled(): boolean {
  return env("ENABLE_TEST_CLOCK");
}

export function setClockOffset(offsetMs: number): void {
  if (!testClockEnabled()) throw new Error("The clock can only be moved when ENABLE_TEST_CLOCK=1");
  globalForClock.partnerConsoleClockOffsetMs = offsetMs;
}

export function clockOffset(): number {
  return globalForClock.partnerConsoleClockOffsetMs ?? 0;
}
