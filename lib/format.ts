/**
 * How the console writes numbers, counts and times, in one place (safe in server and client components).
 *
 * The time-zone rule: a time is shown in the reader's own time zone. The server does not know it, so what the
 * server renders is in UTC and says "UTC"; `components/ui/local-time.tsx` then shows the browser's local time and
 * keeps the UTC time on hover. Dates without a time of day (a join date, a trial's end) are calendar dates in UTC
 * everywhere, so that the server and every browser show the same day.
 */

import { MINUTE_MS } from "./time";

const LOCALE = "en";
const numbers = new Intl.NumberFormat(LOCALE);
const percents = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });
const plurals = new Intl.PluralRules(LOCALE);

/** 1,234 */
export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** A share (0–1) as a percentage with at most one decimal, "12.5%", or an em dash when there is nothing to divide. */
export function formatPercent(share: number | null): string {
  return share === null ? "—" : percents.format(share);
}

/** The word for `count`: `pluralWord(1, "customer")` is "customer", `pluralWord(2, "customer")` "customers". */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return plurals.select(count) === "one" ? one : other;
}

/** The count and its word: "1 customer", "1,234 customers", "0 apps". */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${formatNumber(count)} ${pluralWord(count, one, other)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions & { timeZone?: string }): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(LOCALE, options)));
  return format;
}

/** A calendar date, "Dec 4, 2026" (UTC, see the rule above). */
export function formatDate(date: Date): string {
  return dateFormat({ dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** The calendar date as data, "2026-12-04" (UTC): file names, query bounds. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A month, "December 2026" (UTC): a billing period. */
export function formatMonth(date: Date): string {
  return dateFormat({ month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A day without its year, "Dec 4" (UTC), and with its weekday, "Fri, Dec 4": a chart's axis and tooltip. */
export function formatShortDate(date: Date, withWeekday = false): string {
  return dateFormat({ ...(withWeekday ? { weekday: "short" } : {}), month: "short", day: "numeric", timeZone: "UTC" }).format(date);
}

/** A time of day, "23:05" (UTC), and with its day, "Dec 4, 23:05": a chart's axis and tooltip. */
export function formatTimeOfDay(date: Date, withDay = false): string {
  return dateFormat({ ...(withDay ? { month: "short", day: "numeric" } : {}), hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(
    date,
  );
}

/**
 * A moment, "Dec 4, 2026, 23:05 UTC" on the server; pass the browser's zone by name
 * (`Intl.DateTimeFormat().resolvedOptions().timeZone`) to have it there without the suffix, "Dec 4, 2026, 23:05".
 */
export function formatDateTime(date: Date, timeZone: string | undefined = "UTC"): string {
  const text = dateFormat({ dateStyle: "medium", timeStyle: "short", hourCycle: "h23", ...(timeZone ? { timeZone } : {}) }).format(date);
  return timeZone === "UTC" ? `${text} UTC` : text;
}

/** The same moment in UTC with seconds, for a hover title: "2026-12-04 23:05:09 UTC". */
export function formatUtcTitle(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** How long until `to` from `from`, rounded down to minutes: "42 minutes", "1 hour 5 minutes", "less than a minute". */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.floor(Math.max(0, milliseconds) / MINUTE_MS);
  if (minutes < 1) return "less than a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, "minute");
  return rest === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(rest, "minute")}`;
}
