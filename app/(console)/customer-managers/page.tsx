import type { Metadata } from "next";
import { UserCog } from "lucide-react";

import { AssignManagerButton } from "./_components/assign-manager-button";
import { ManagersTable } from "./_components/managers-table";
import { requireConsolePage } from "@/lib/auth/session";
import { listCustomerManagers, managerListInput } from "@/lib/customer-managers/list";
import { listManagerRoles } from "@/lib/customer-managers/options";
import { UrlSearchBox } from "@/components/search/url-search-box";
import { EmptyState } from "@/components/ui/empty-state";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Customer managers" };

export default async function CustomerManagersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage();
  const params = await searchParams;
  const input = managerListInput.parse({ q: Array.isArray(params.q) ? params.q[0] : params.q });
  const canManage = permits(ctx, "customer_managers.write");
  const rows = await listCustomerManagers(ctx, input);
  const roles = canManage ? await listManagerRoles(ctx) : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Customer managers</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Members of your team who can enter all or some customer accounts, with one role in all of them. Customers see them on their Teams page, tagged as
            customer managers.
          </p>
        </div>
        {canManage ? <AssignManagerButton roles={roles} /> : null}
      </div>

      <UrlSearchBox label="Search customer managers" placeholder="Search by name or email…" />

      {rows.length > 0 ? (
        <ManagersTable rows={rows} roles={roles} canManage={canManage} />
      ) : input.q ? (
        <EmptyState
          icon={UserCog}
          title="No customer manager matches your search"
          description={`Nothing found for “${input.q}”. Try a name or an email address.`}
        />
      ) : (
        <EmptyState
          icon={UserCog}
          title="No customer managers yet"
          description="Assign a member of your team to manage all or some of your customers' accounts."
          action={canManage ? <AssignManagerButton roles={roles} /> : null}
        />
      )}
    </div>
  );
}
