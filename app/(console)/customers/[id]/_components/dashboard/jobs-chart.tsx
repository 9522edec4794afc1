"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { JobBucket } from "@/lib/customers/reads/dashboard";
import type { BucketUnit } from "@/lib/customers/reads/dashboard-period";
import { formatNumber, formatShortDate, formatTimeOfDay } from "@/lib/format";
import { DAY_MS } from "@/lib/time";

// Dates are shown in UTC on the server and in the browser alike (lib/format.ts), so the first render and hydration agree.
const SERIES = [
  { key: "succeeded", name: "Successful jobs", color: "var(--success)" },
  { key: "failed", name: "Failed jobs", color: "var(--destructive)" },
] as const;

/** Successful and failed jobs over the period, one stacked bar per bucket; a table carries the same for screen readers. */
export function JobsChart({ series, bucketUnit, periodLabel }: { series: JobBucket[]; bucketUnit: BucketUnit; periodLabel: string }) {
  const spansDays = series.length > 0 && Date.parse(series[series.length - 1]!.start) - Date.parse(series[0]!.start) > DAY_MS;
  // Hours over a day; dates otherwise, marked at midnight (UTC) when the bars are shorter than a day.
  const ticks = bucketUnit === "hour" && spansDays ? series.filter((bucket) => new Date(bucket.start).getUTCHours() === 0).map((b) => b.start) : undefined;
  const tick = (value: string) => (bucketUnit === "hour" && !spansDays ? formatTimeOfDay(new Date(value)) : formatShortDate(new Date(value)));
  const bucketLabel = (start: string) => (bucketUnit === "hour" ? formatTimeOfDay(new Date(start), true) : formatShortDate(new Date(start), true));
  const label = (value: unknown) => `${bucketLabel(String(value))} UTC`;
  const busy = series.filter((bucket) => bucket.succeeded + bucket.failed > 0);

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle as="h3">Jobs over time</CardTitle>
        <CardDescription>Successful and failed jobs, {periodLabel.toLowerCase()} (UTC).</CardDescription>
      </CardHeader>
      <CardContent>
        <div aria-hidden="true" className="h-64 w-full text-xs">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="var(--border)" />
              <XAxis dataKey="start" ticks={ticks} tickFormatter={tick} tickLine={false} axisLine={false} minTickGap={24} stroke="var(--muted-foreground)" />
              <YAxis allowDecimals={false} tickLine={false} axisLine={false} stroke="var(--muted-foreground)" />
              <Tooltip
                labelFormatter={label}
                cursor={{ fill: "var(--muted)" }}
                contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--popover-foreground)" }}
              />
              <Legend iconType="square" itemSorter={(item) => (item.dataKey === "succeeded" ? 0 : 1)} />
              {SERIES.map((entry) => (
                <Bar key={entry.key} dataKey={entry.key} name={entry.name} stackId="jobs" fill={entry.color} maxBarSize={28} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="sr-only">
          <table>
            <caption>Jobs over time, {periodLabel.toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">From (UTC)</th>
                <th scope="col">Successful jobs</th>
                <th scope="col">Failed jobs</th>
              </tr>
            </thead>
            <tbody>
              {busy.length === 0 ? (
                <tr>
                  <td colSpan={3}>No jobs ran in this period.</td>
                </tr>
              ) : (
                busy.map((bucket) => (
                  <tr key={bucket.start}>
                    <th scope="row">{bucketLabel(bucket.start)}</th>
                    <td>{formatNumber(bucket.succeeded)}</td>
                    <td>{formatNumber(bucket.failed)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {busy.length === 0 ? <p className="mt-2 text-center text-sm text-muted-foreground">No jobs ran in this period.</p> : null}
      </CardContent>
    </Card>
  );
}
