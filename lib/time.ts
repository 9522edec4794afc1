/**
 * Durations in milliseconds, defined once. A day is 24 hours: the console reckons in UTC, which has no
 * daylight-saving days, so "30 days from now" is 30 × DAY_MS everywhere. Safe to import in client components.
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
