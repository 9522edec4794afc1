import { z } from "zod";
import { DAY_MS, HOUR_MS } from "@/lib/time";

export type BucketUnit = "hour" | "day";

export interface DashboardPeriod {
  label: string;
  lengthMs: number;
  /** The chart's bar width: each bar counts the jobs that started in one bucket. */
  bucketMs: number;
  bucketUnit: BucketUnit;
}

/** The dashboard's time periods (rule U16), keyed by their value in the URL (`?period=7d`). */
export const DASHBOARD_PERIODS = {
  "24h": { label: "Last 24 hours", lengthMs: DAY_MS, bucketMs: HOUR_MS, bucketUnit: "hour" },
  "7d": { label: "Last 7 days", lengthMs: 7 * DAY_MS, bucketMs: 6 * HOUR_MS, bucketUnit: "hour" },
  "30d": { label: "Last 30 days", lengthMs: 30 * DAY_MS, bucketMs: DAY_MS, bucketUnit: "day" },
  "90d": { label: "Last 90 days", lengthMs: 90 * DAY_MS, bucketMs: DAY_MS, bucketUnit: "day" },
} as const satisfies Record<string, DashboardPeriod>;

export type DashboardPeriodKey = keyof typeof DASHBOARD_PERIODS;
export const DEFAULT_PERIOD: DashboardPeriodKey = "7d";

/** The period in the URL; anything missing or malformed falls back to the last 7 days. */
export const dashboardPeriodParam = z.enum(Object.keys(DASHBOARD_PERIODS) as [DashboardPeriodKey, ...DashboardPeriodKey[]]).catch(DEFAULT_PERIOD);
