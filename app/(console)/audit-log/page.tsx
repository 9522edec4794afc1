import type { Metadata } from "next";

import { requireConsolePage } from "@/lib/auth/session";
import { auditPageNotices, auditPageSchema } from "@/lib/audit/filters";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { EmptyState } from "@/components/ui/empty-state";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage();
  const search = await searchParams;
  const input = auditPageSchema.parse(search);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          Every sign-in and sign-out, every switch into and out of a customer account, and every change, from the console, the customer workspaces and the API.
          Newest first; the log cannot be changed.
        </p>
      </div>
      {permits(ctx, "audit.read") ? (
        <AuditLogView ctx={ctx} input={input} notices={auditPageNotices(search)} basePath="/audit-log" />
      ) : (
        <EmptyState title="Only partner admins can see the audit log" description="Ask a partner admin if you need an event from it." />
      )}
    </div>
  );
}
