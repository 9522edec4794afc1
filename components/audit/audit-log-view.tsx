import Link from "next/link";
import { Info, ScrollText } from "lucide-react";

import type { RequestContext } from "@/lib/context";
import { filterParams, type AuditPageInput } from "@/lib/audit/filters";
import { actingAsLabel, actionLabel } from "@/lib/audit/labels";
import { listAuditEvents } from "@/lib/audit/list";
import { auditTargetKey } from "@/lib/audit/targets";
import { formatDateTime } from "@/lib/format";
import { auditPersonById } from "@/lib/audit/people";
import { customerOptionById } from "@/lib/customers/reads/picker";
import { AuditEventRows, type AuditEventView } from "@/components/audit/audit-event-rows";
import { AuditFilters } from "@/components/audit/audit-filters";
import { ChangeList } from "@/components/audit/change-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type AuditLogViewProps = {
  ctx: RequestContext;
  input: AuditPageInput;
  /** What the URL asked for that the view brought within bounds (auditPageNotices). */
  notices?: string[];
  /** The page's path, for pagination links ("/audit-log", "/customers/12/activity"). */
  basePath: string;
  /** The Activity view of one customer: the customer filter is fixed. */
  customerId?: number;
};

/**
 * The audit log (rule C8): filters, newest first, keyset pages, each event expanding to show its change, and CSV
 * export of the filtered view. Shared by the Audit log page and a customer's Activity view.
 */
export async function AuditLogView({ ctx, input, notices = [], basePath, customerId }: AuditLogViewProps) {
  const filters = customerId ? { ...input, customer: customerId } : input;
  const page = await listAuditEvents(ctx, filters);
  const person = filters.person ? await auditPersonById(ctx, filters.person) : null;
  const customer = !customerId && filters.customer ? await customerOptionById(ctx, filters.customer) : null;
  const params = filterParams(filters);
  const ownParams = filterParams(customerId ? { ...input, customer: undefined } : input);
  const pageHref = (cursor: string, dir: "older" | "newer") => {
    const next = new URLSearchParams(ownParams);
    next.set("cursor", cursor);
    next.set("dir", dir);
    return `${basePath}?${next.toString()}`;
  };
  const filtered = ownParams.size > 0;
  const events: { view: AuditEventView; changes: Record<string, unknown> }[] = page.events.map((event) => ({
    changes: event.changes,
    view: {
      id: event.id,
      time: formatDateTime(event.createdAt),
      isoTime: event.createdAt.toISOString(),
      person: event.actorName ?? "Unknown",
      email: event.actorEmail,
      actingAs: actingAsLabel(event.actingAs),
      account: event.customerName ?? "Partner account",
      action: actionLabel(event.action),
      target: page.targets.get(auditTargetKey(event) ?? "") ?? null,
      ip: event.ip,
      userAgent: event.userAgent,
    },
  }));

  return (
    <div className="space-y-4">
      <AuditFilters
        selectedPerson={person ? { value: String(person.id), label: person.name, description: person.email } : null}
        selectedCustomer={customer ? { value: String(customer.id), label: customer.name } : null}
        showCustomerFilter={!customerId}
        exportHref={`/audit-log/export?${params.toString()}`}
        clearHref={basePath}
        filtered={filtered}
        searchTerm={filters.q ?? ""}
      />
      {notices.map((notice) => (
        <p key={notice} role="status" className="flex items-center gap-2 rounded-md border bg-muted/50 px-3 py-2 text-sm">
          <Info aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          {notice}
        </p>
      ))}
      {events.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No event matches these filters" : "No events yet"}
          description={filtered ? "Try a wider date range or fewer filters." : "Sign-ins, switches and changes will show up here."}
        />
      ) : (
        <Table aria-label="Audit events">
          <TableHeader>
            <TableRow>
              <TableHead>
                <span className="sr-only">Details</span>
              </TableHead>
              <TableHead>Time</TableHead>
              <TableHead>Person</TableHead>
              <TableHead>Acting as</TableHead>
              {customerId ? null : <TableHead>Account</TableHead>}
              <TableHead>Action</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map(({ view, changes }) => (
              <AuditEventRows key={view.id} event={view} showAccount={!customerId}>
                <ChangeList changes={changes} />
              </AuditEventRows>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="Pagination" className="flex items-center justify-end gap-2">
        {page.newer ? (
          <Button asChild variant="outline" size="sm">
            <Link href={pageHref(page.newer, "newer")}>Newer events</Link>
          </Button>
        ) : null}
        {page.older ? (
          <Button asChild variant="outline" size="sm">
            <Link href={pageHref(page.older, "older")}>Older events</Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}
