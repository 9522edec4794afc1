import { getCustomerDashboard } from "@/lib/customers/reads/dashboard";
import { DASHBOARD_PERIODS, dashboardPeriodParam } from "@/lib/customers/reads/dashboard-period";
import { JobsChart } from "./_components/dashboard/jobs-chart";
import { PeriodFilter } from "./_components/dashboard/period-filter";
import { RecipeTable } from "./_components/dashboard/recipe-table";
import { StatCards } from "./_components/dashboard/stat-cards";
import { readCustomerPage, type CustomerRouteParams } from "./_lib/customer-page";

/** The customer's Dashboard (rule U16), for the time period in the URL (`?period=7d`, the default). */
export default async function CustomerDashboardPage({
  params,
  searchParams,
}: {
  params: CustomerRouteParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const period = dashboardPeriodParam.parse((await searchParams).period);
  const { customerId, data: dashboard } = await readCustomerPage(params, (ctx, id) => getCustomerDashboard(ctx, id, period));
  const { bucketUnit, label } = DASHBOARD_PERIODS[period];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold tracking-tight">Dashboard</h2>
        <PeriodFilter customerId={customerId} current={period} />
      </div>
      <StatCards dashboard={dashboard} />
      <JobsChart series={dashboard.series} bucketUnit={bucketUnit} periodLabel={label} />
      <RecipeTable recipes={dashboard.recipeActivity} periodLabel={label} />
    </div>
  );
}
