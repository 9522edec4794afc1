import "server-only";
import { sql } from "drizzle-orm";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { readCustomer } from "./customer-record";
import { DASHBOARD_PERIODS, type DashboardPeriodKey } from "./dashboard-period";
import { billingPeriodOf, effectivePlan, tasksUsedInPeriod } from "@/lib/customers/plan";
import { authorize } from "@/lib/authorization/authorize";

export interface RecipeActivity {
  id: number;
  name: string;
  status: "running" | "stopped";
  succeeded: number;
  failed: number;
}

export interface JobBucket {
  /** Start of the bucket, as an ISO string (it crosses to the client chart). */
  start: string;
  succeeded: number;
  failed: number;
}

export interface CustomerDashboard {
  period: DashboardPeriodKey;
  from: Date;
  to: Date;
  recipes: { total: number; running: number };
  jobs: { succeeded: number; failed: number };
  /** Shares of the period's jobs, 0–1; null when no job ran in the period. */
  successRate: number | null;
  errorRate: number | null;
  series: JobBucket[];
  recipeActivity: RecipeActivity[];
  usage: { tasksUsed: number; taskLimit: number; billingPeriod: string; planName: string };
}

type RecipeRow = { id: number; name: string; status: "running" | "stopped" };
type CellRow = { recipe_id: number; bucket: number; succeeded: number; failed: number };

/**
 * The customer's dashboard for one time period (rule U16): recipes running out of all recipes, success and error
 * rates, jobs over time and per recipe, aggregated in SQL over one range of `jobs` through its
 * (customer_id, started_at) index; plus tasks used in the billing period against the plan's limit.
 */
export async function getCustomerDashboard(ctx: RequestContext, customerId: number, period: DashboardPeriodKey): Promise<CustomerDashboard> {
  await authorize(ctx, "customers.read");
  const { lengthMs, bucketMs } = DASHBOARD_PERIODS[period];
  const to = ctx.now;
  const from = new Date(to.getTime() - lengthMs);
  // Bars start on whole hours, six-hour marks or days (UTC), so the first and last ones cover part of a bucket.
  const origin = Math.floor(from.getTime() / bucketMs) * bucketMs;
  const bucketCount = Math.ceil((to.getTime() - origin) / bucketMs);

  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    // Raw SQL: the jobs of the period are bucketed in the database by epoch arithmetic (floor, least) in one range scan.
    const recipeRows = await tx.execute<RecipeRow>(sql`
      select r.id, r.name, r.status from recipes r
       where r.partner_id = ${ctx.partnerId} and r.customer_id = ${customer.id}
       order by lower(r.name), r.id`);
    // One range scan of the customer's jobs in the period, counted per recipe and bucket; both the chart and the
    // recipe table are sums of these cells.
    const cells = await tx.execute<CellRow>(sql`
      select j.recipe_id,
             least(${bucketCount - 1}, floor((extract(epoch from j.started_at) * 1000 - ${origin}) / ${bucketMs}))::int as bucket,
             count(*) filter (where j.status = 'succeeded')::int as succeeded,
             count(*) filter (where j.status = 'failed')::int as failed
        from jobs j
       where j.customer_id = ${customer.id} and j.partner_id = ${ctx.partnerId}
         and j.started_at > ${from} and j.started_at <= ${to}
       group by 1, 2`);

    const series = Array.from({ length: bucketCount }, (_, index) => ({
      start: new Date(origin + index * bucketMs).toISOString(),
      succeeded: 0,
      failed: 0,
    }));
    const byRecipe = new Map(recipeRows.map((row) => [row.id, { ...row, succeeded: 0, failed: 0 }]));
    for (const cell of cells) {
      for (const target of [series[cell.bucket], byRecipe.get(cell.recipe_id)]) {
        if (!target) continue;
        target.succeeded += cell.succeeded;
        target.failed += cell.failed;
      }
    }
    const recipeActivity = [...byRecipe.values()];
    const succeeded = series.reduce((sum, bucket) => sum + bucket.succeeded, 0);
    const failed = series.reduce((sum, bucket) => sum + bucket.failed, 0);
    const total = succeeded + failed;
    const effective = effectivePlan(customer, ctx.now);

    return {
      period,
      from,
      to,
      recipes: { total: recipeActivity.length, running: recipeActivity.filter((recipe) => recipe.status === "running").length },
      jobs: { succeeded, failed },
      successRate: total === 0 ? null : succeeded / total,
      errorRate: total === 0 ? null : failed / total,
      series,
      recipeActivity,
      usage: {
        tasksUsed: tasksUsedInPeriod(customer, ctx.now),
        taskLimit: effective.taskLimit,
        billingPeriod: billingPeriodOf(ctx.now),
        planName: effective.plan.name,
      },
    };
  });
}
