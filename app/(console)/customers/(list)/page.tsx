import type { Metadata } from "next";
import { requireConsolePage } from "@/lib/auth/session";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { loadCustomersPage } from "@/lib/customers/table";
import { CustomersView } from "./_components/customers-view";

export const metadata: Metadata = { title: "Customers" };

/** The Customers tab (rule U1): rendered on the server for the URL's view, then driven by the URL in the browser. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage();
  const query = customerQueryFromSearchParams(await searchParams);
  const { plans, apps, ...initial } = await loadCustomersPage(ctx, query);
  return <CustomersView initial={initial} plans={plans} apps={apps} canAddCustomers={ctx.actor.partnerRole === "admin"} />;
}
