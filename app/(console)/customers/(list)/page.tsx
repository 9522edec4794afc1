import type { Metadata } from "next";
import { requireConsolePage } from "@/lib/auth/session";
import { customerQueryFromSearchParams, customerQueryNotices } from "@/lib/customers/query-input";
import { loadCustomersPage } from "@/lib/customers/reads/table";
import { listMyUnderwayBulkJobIds } from "@/lib/bulk-jobs/read";
import { switchEndedNotice, SWITCH_ENDED_PARAM } from "@/lib/workspace-access/switch-notice";
import { PageNotice } from "@/components/shell/page-notice";
import { CustomersView } from "./_components/customers-view";
import { customerSearchStateOf, serializeCustomerSearch } from "./search-params";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Customers" };

/** The Customers tab (rule U1): rendered on the server for the URL's view, again on every change of the URL. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage();
  const params = await searchParams;
  const query = customerQueryFromSearchParams(params);
  const canBulkEdit = permits(ctx, "bulk_jobs.write");
  const [{ plans, apps, ...view }, myRunningJobIds] = await Promise.all([loadCustomersPage(ctx, query), canBulkEdit ? listMyUnderwayBulkJobIds(ctx) : []]);
  const state = customerSearchStateOf(query, query.last ? query.page : view.table.page);
  const ended = await switchEndedNotice(ctx, params[SWITCH_ENDED_PARAM]);
  const customers = (
    <CustomersView
      view={view}
      query={query}
      state={state}
      notices={customerQueryNotices(params, query, view.table.page)}
      search={serializeCustomerSearch(state)}
      plans={plans}
      apps={apps}
      canAddCustomers={permits(ctx, "customers.write")}
      canBulkEdit={canBulkEdit}
      myRunningJobIds={myRunningJobIds}
    />
  );
  if (!ended) return customers;
  return (
    <div className="space-y-6">
      <PageNotice title={ended.title}>{ended.message}</PageNotice>
      {customers}
    </div>
  );
}
