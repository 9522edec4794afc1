import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerDashboard } from "@/lib/customers/reads/dashboard";
import { formatMonth, formatNumber, formatPercent, pluralWord } from "@/lib/format";

function StatCard({ title, value, detail, children }: { title: string; value: string; detail: string; children?: React.ReactNode }) {
  const id = `stat-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <Card aria-labelledby={id} role="region" className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle as="h3" id={id} className="text-sm font-medium text-muted-foreground">
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-1.5 px-5">
        <p className="text-2xl font-semibold tracking-tight tabular-nums">{value}</p>
        <CardDescription>{detail}</CardDescription>
        {children}
      </CardContent>
    </Card>
  );
}

/** The dashboard's figures: active recipes, success and error rates, and tasks used against the plan's limit. */
export function StatCards({ dashboard }: { dashboard: CustomerDashboard }) {
  const { recipes, jobs, usage } = dashboard;
  const share = usage.taskLimit > 0 ? Math.min(1, usage.tasksUsed / usage.taskLimit) : 1;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        title="Active recipes"
        value={`${formatNumber(recipes.running)} of ${formatNumber(recipes.total)}`}
        detail="Recipes running now, out of all recipes"
      />
      <StatCard
        title="Success rate"
        value={formatPercent(dashboard.successRate)}
        detail={`${formatNumber(jobs.succeeded)} successful ${pluralWord(jobs.succeeded, "job")}`}
      />
      <StatCard
        title="Error rate"
        value={formatPercent(dashboard.errorRate)}
        detail={`${formatNumber(jobs.failed)} failed ${pluralWord(jobs.failed, "job")}`}
      />
      <StatCard
        title="Tasks used in billing period"
        value={`${formatNumber(usage.tasksUsed)} / ${formatNumber(usage.taskLimit)}`}
        detail={`${formatMonth(new Date(usage.billingPeriod))} · ${usage.planName} plan`}
      >
        <div
          role="progressbar"
          aria-label="Tasks used against the plan's limit"
          aria-valuemin={0}
          aria-valuemax={usage.taskLimit}
          aria-valuenow={Math.min(usage.tasksUsed, usage.taskLimit)}
          className="mt-1 h-1.5 overflow-hidden rounded-full bg-muted"
        >
          <div className={share >= 0.9 ? "h-full bg-destructive" : "h-full bg-primary"} style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      </StatCard>
    </div>
  );
}
