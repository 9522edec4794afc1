import type { Metadata } from "next";
import { Mail } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireConsolePage } from "@/lib/auth/session";
import { formatDateTime, plural } from "@/lib/format";
import { listOutbox, type OutboxEntry } from "@/lib/mail/list";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Email" };

const KIND_LABELS: Record<string, string> = {
  partner_invitation: "Team invitation",
  workspace_invitation: "Workspace invitation",
};

function kindLabel(kind: string): string {
  const notification = /^notification\.(.+)$/.exec(kind)?.[1];
  if (notification && notification in NOTIFICATION_LABELS) return `Notification: ${NOTIFICATION_LABELS[notification as NotificationKind].label}`;
  return KIND_LABELS[kind] ?? kind;
}

const format = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : "");

function Status({ entry }: { entry: OutboxEntry }) {
  if (entry.status === "sent") return <Badge variant="secondary">Sent</Badge>;
  if (entry.status === "failed") return <Badge variant="destructive">Failed</Badge>;
  return <Badge variant="outline">{entry.attempts === 0 ? "Queued" : "Retrying"}</Badge>;
}

/** **Email**: what the console sent for this partner, and what is still queued or failed (partner admins only). */
export default async function EmailPage() {
  const ctx = await requireConsolePage();
  const entries = permits(ctx, "email.read") ? await listOutbox(ctx) : null;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Email</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          Invitations and notifications are queued with the change that causes them and sent in the background. A message the mail server refuses is tried again
          later, waiting longer each time, and marked failed after 8 attempts.
        </p>
      </div>
      {entries === null ? (
        <EmptyState title="Only partner admins can see the email outbox" description="Ask a partner admin if an email did not arrive." />
      ) : entries.length === 0 ? (
        <EmptyState icon={Mail} title="No email yet" description="Invitations and notifications will show here once they are sent." />
      ) : (
        <Table aria-label="Email outbox">
          <TableHeader>
            <TableRow>
              <TableHead>Queued</TableHead>
              <TableHead>To</TableHead>
              <TableHead>Subject</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Delivery</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className="text-sm whitespace-nowrap">{format(entry.createdAt)}</TableCell>
                <TableCell className="text-sm">{entry.to}</TableCell>
                <TableCell>
                  <div className="text-sm">{entry.subject}</div>
                  <div className="text-xs text-muted-foreground">{kindLabel(entry.kind)}</div>
                </TableCell>
                <TableCell>
                  <Status entry={entry} />
                </TableCell>
                <TableCell className="text-xs text-muted-foreground">
                  {entry.sentAt ? `Sent ${format(entry.sentAt)}` : null}
                  {entry.status === "queued" && entry.attempts > 0 ? `${entry.attempts} failed attempts; next at ${format(entry.nextAttemptAt)}` : null}
                  {entry.status === "failed" ? `Gave up after ${plural(entry.attempts, "attempt")}` : null}
                  {entry.lastError ? (
                    <div className="max-w-72 truncate" title={entry.lastError}>
                      {entry.lastError}
                    </div>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
