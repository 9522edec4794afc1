import type { Metadata } from "next";
import { requireConsolePage } from "@/lib/auth/session";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { customerFilterOptions, loadCustomerTable } from "@/lib/customers/table";
import { CustomersView } from "./_components/customers-view";

export const metadata: Metadata = { title: "Customers" };

/** The Customers tab (rule U1): rendered on the server for the URL's view, then driven by the URL in the browser. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage();
  const query = customerQueryFromSearchParams(await searchParams);
  const [initial, options] = await Promise.all([loadCustomerTable(ctx, query), customerFilterOptions(ctx)]);
  return <CustomersView initial={initial} plans={options.plans} apps={options.apps} canAddCustomers={ctx.actor.partnerRole === "admin"} />;
}
