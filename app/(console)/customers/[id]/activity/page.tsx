import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { parseRecordId } from "@/lib/ids";
import { requireConsolePage } from "@/lib/auth/session";
import { auditPageNotices, auditPageSchema } from "@/lib/audit/filters";
import { customerOptionById } from "@/lib/customers/reads/picker";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { EmptyState } from "@/components/ui/empty-state";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Activity" };

/** A customer's **Activity**: the audit log of that customer account. */
export default async function CustomerActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireConsolePage();
  const id = parseRecordId((await params).id);
  const customer = id === null ? null : await customerOptionById(ctx, id);
  if (!customer) notFound();
  const search = await searchParams;
  const input = auditPageSchema.parse(search);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold tracking-tight">Activity</h2>
        <p className="text-sm text-muted-foreground">Everything that happened in {customer.name}&apos;s account, and every change the partner made to it.</p>
      </div>
      {permits(ctx, "audit.read") ? (
        <AuditLogView ctx={ctx} input={input} notices={auditPageNotices(search)} basePath={`/customers/${customer.id}/activity`} customerId={customer.id} />
      ) : (
        <EmptyState title="Only partner admins can see the activity" description="Ask a partner admin if you need an event from it." />
      )}
    </div>
  );
}
