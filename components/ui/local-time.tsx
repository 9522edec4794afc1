"use client";

import * as React from "react";
import { formatDateTime, formatUtcTitle } from "@/lib/format";

const noSubscription = () => () => {};

/**
 * Whether this render is in the browser after hydration. The server, and the browser while it hydrates, answer
 * false, so both render the same UTC text (no hydration mismatch); React then renders again with true.
 */
function useHydrated(): boolean {
  return React.useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The reader's zone by name ("Asia/Tokyo"): `undefined` would get formatDateTime's default, UTC. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A moment in the reader's own time zone, with the UTC time on hover (the rule in lib/format.ts). Before the
 * browser takes over it reads "Dec 4, 2026, 23:05 UTC", which is true wherever the reader is.
 */
export function LocalTime({ value, className }: { value: Date | string; className?: string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const hydrated = useHydrated();
  return (
    <time dateTime={date.toISOString()} title={formatUtcTitle(date)} className={className}>
      {hydrated ? formatDateTime(date, browserTimeZone()) : formatDateTime(date)}
    </time>
  );
}
