import type { Metadata } from "next";
import { cache } from "react";
import { getCustomerHeader } from "@/lib/customers/reads/customer-page";
import { listManagerRoles } from "@/lib/customer-managers/options";
import { CustomerHeader } from "./_components/customer-header";
import { CustomerTabs } from "./_components/customer-tabs";
import { readCustomerPage, type CustomerRouteParams } from "./_lib/customer-page";

// The layout and its metadata read the same header once per request.
const readHeader = cache((id: string) => readCustomerPage(Promise.resolve({ id }), getCustomerHeader));

export async function generateMetadata({ params }: { params: CustomerRouteParams }): Promise<Metadata> {
  const { data } = await readHeader((await params).id);
  return { title: data.name };
}

export default async function CustomerLayout({ children, params }: { children: React.ReactNode; params: CustomerRouteParams }) {
  const { ctx, data: customer } = await readHeader((await params).id);
  const roles = customer.selfAssignment ? await listManagerRoles(ctx) : [];
  const me = { id: ctx.actor.userId, name: ctx.actor.name, email: ctx.actor.email };
  return (
    <div className="flex flex-col gap-6">
      <CustomerHeader customer={customer} me={me} roles={roles} />
      <CustomerTabs customerId={customer.id} />
      <div>{children}</div>
    </div>
  );
}
