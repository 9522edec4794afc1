import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { CopyButton } from "@/components/customers/copy-button";
import { CustomerStatusBadge } from "@/components/customers/customer-status-badge";
import { SwitchToAccountButton } from "@/components/customers/switch-to-account-button";
import type { CustomerHeader as CustomerHeaderData } from "@/lib/customers/reads/customer-page";
import type { RoleOption } from "@/lib/customer-managers/options";
import { AssignSelfButton } from "./assign-self-button";
import { formatDate } from "@/lib/format";

/** The customer page's header: who the customer is, and Switch to this account for those rule U18 allows. */
export function CustomerHeader({
  customer,
  me,
  roles,
}: {
  customer: CustomerHeaderData;
  me: { id: number; name: string; email: string };
  /** The manager roles, for a partner admin who may assign itself (empty otherwise). */
  roles: RoleOption[];
}) {
  return (
    <header className="flex flex-col gap-3">
      <Link href="/customers" className="flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden="true" className="size-4" />
        Customers
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{customer.name}</h1>
            <CustomerStatusBadge status={customer.status} />
          </div>
          <div role="group" aria-label="Customer details">
            <dl className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
              <div className="flex items-center gap-1.5">
                <dt className="text-muted-foreground">External ID</dt>
                <dd className="flex items-center gap-1 font-medium">
                  {customer.externalId ? (
                    <>
                      <span className="font-mono text-[13px]">{customer.externalId}</span>
                      <CopyButton value={customer.externalId} label="Copy external ID" copiedMessage="External ID copied" />
                    </>
                  ) : (
                    <span className="text-muted-foreground">None</span>
                  )}
                </dd>
              </div>
              <div className="flex items-center gap-1.5">
                <dt className="text-muted-foreground">Plan</dt>
                <dd className="font-medium">{customer.planName}</dd>
              </div>
              <div className="flex items-center gap-1.5">
                <dt className="text-muted-foreground">Joined</dt>
                <dd className="font-medium">
                  <time dateTime={customer.createdAt.toISOString()}>{formatDate(customer.createdAt)}</time>
                </dd>
              </div>
              <div className="flex items-center gap-1.5">
                <dt className="text-muted-foreground">Customer ID</dt>
                <dd className="font-mono text-[13px] font-medium">{customer.id}</dd>
              </div>
            </dl>
          </div>
        </div>
        {customer.maySwitch ? (
          <SwitchToAccountButton customerId={customer.id} customerName={customer.name} />
        ) : customer.selfAssignment ? (
          <AssignSelfButton
            customer={{ id: customer.id, name: customer.name }}
            me={me}
            managerId={customer.selfAssignment.kind === "edit" ? customer.selfAssignment.managerId : null}
            roles={roles}
          />
        ) : null}
      </div>
    </header>
  );
}
