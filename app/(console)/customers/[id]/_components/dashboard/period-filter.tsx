import Link from "next/link";
import { DASHBOARD_PERIODS, type DashboardPeriodKey } from "@/lib/customers/reads/dashboard-period";
import { cn } from "@/lib/utils";

/** The time period filter (rule U16) as links, so that the period lives in the URL and works without script. */
export function PeriodFilter({ customerId, current }: { customerId: number; current: DashboardPeriodKey }) {
  return (
    <nav aria-label="Time period">
      <ul className="inline-flex flex-wrap items-center gap-1 rounded-lg bg-muted p-1 text-muted-foreground">
        {(Object.keys(DASHBOARD_PERIODS) as DashboardPeriodKey[]).map((key) => (
          <li key={key}>
            <Link
              href={`/customers/${customerId}?period=${key}`}
              aria-current={key === current ? "page" : undefined}
              scroll={false}
              className={cn(
                "inline-flex h-7 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors hover:text-foreground",
                key === current && "bg-background text-foreground shadow-xs",
              )}
            >
              {DASHBOARD_PERIODS[key].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
