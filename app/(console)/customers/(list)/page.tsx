import type { Metadata } from "next";
import { requireConsolePage } from "@/lib/auth/session";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { loadCustomersPage } from "@/lib/customers/table";
import { CustomersView } from "./_components/customers-view";
import { loadCustomerSearch, serializeCustomerSearch } from "./search-params";

export const metadata: Metadata = { title: "Customers" };

/** The Customers tab (rule U1): rendered on the server for the URL's view, again on every change of the URL. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage();
  const params = await searchParams;
  const query = customerQueryFromSearchParams(params);
  const { plans, apps, ...view } = await loadCustomersPage(ctx, query);
  const state = loadCustomerSearch(params);
  return (
    <CustomersView
      view={view}
      query={query}
      state={state}
      search={serializeCustomerSearch(state)}
      plans={plans}
      apps={apps}
      canAddCustomers={ctx.actor.partnerRole === "admin"}
    />
  );
}
