"use client";

import * as React from "react";

/**
 * The bulk jobs started from this browser and not yet seen finished, kept in localStorage so that the Customers
 * page's progress bar and the finished job's toast survive a reload (and another tab of the console).
 */
const KEY = "console.trackedBulkJobs";
const listeners = new Set<() => void>();
const EMPTY: readonly number[] = [];
let cache: { raw: string | null; ids: readonly number[] } = { raw: null, ids: EMPTY };

function read(): readonly number[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return EMPTY;
  }
  if (raw === cache.raw) return cache.ids;
  let ids: readonly number[] = EMPTY;
  try {
    const parsed: unknown = JSON.parse(raw ?? "[]");
    if (Array.isArray(parsed)) ids = parsed.filter((value): value is number => Number.isSafeInteger(value) && value > 0).slice(-20);
  } catch {
    // A value someone else wrote: start again from none.
  }
  cache = { raw, ids };
  return ids;
}

function write(ids: readonly number[]) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Private mode or full storage: the job is still on the Jobs page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function trackBulkJob(id: number) {
  write([...read().filter((known) => known !== id), id]);
}

export function untrackBulkJob(id: number) {
  write(read().filter((known) => known !== id));
}

/** The tracked jobs' IDs; none on the server and while hydrating. */
export function useTrackedBulkJobs(): readonly number[] {
  return React.useSyncExternalStore(subscribe, read, () => EMPTY);
}
