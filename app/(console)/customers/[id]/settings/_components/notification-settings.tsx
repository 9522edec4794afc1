"use client";

import { NotificationRow } from "@/components/notification-row";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import type { CustomerNotificationInput } from "@/lib/notifications/schema";
import { useActionRunner } from "@/components/use-action-runner";
import { setCustomerNotificationAction } from "../actions";

export interface CustomerNotificationRow {
  kind: NotificationKind;
  choice: boolean | null;
  partnerDefault: boolean;
}

const onOff = (value: boolean) => (value ? "On" : "Off");

/**
 * Settings › Notifications: for each event, On, Off, or the partner's default (named with what it is now). Each
 * choice is saved when made, as its own audited change.
 */
export function NotificationSettings({
  customerId,
  rows,
  disabled,
  disabledReasonId,
}: {
  customerId: number;
  rows: CustomerNotificationRow[];
  disabled: boolean;
  disabledReasonId?: string;
}) {
  const { pending, run } = useActionRunner();

  return (
    <ul className="flex flex-col divide-y">
      {rows.map((row) => (
        <NotificationRow
          key={row.kind}
          kind={row.kind}
          idPrefix="notification"
          disabledReasonId={disabledReasonId}
          className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0"
          control={({ id, describedBy }) => (
            <Select
              value={row.choice === null ? "default" : row.choice ? "on" : "off"}
              disabled={disabled || pending}
              onValueChange={(selected) => {
                const choice = selected as CustomerNotificationInput["choice"];
                const { label } = NOTIFICATION_LABELS[row.kind];
                return run(
                  () => setCustomerNotificationAction({ customerId, kind: row.kind, choice }),
                  (data) => (data.changed ? `${label}: ${choice === "default" ? "partner default" : choice === "on" ? "on" : "off"}.` : "Nothing to change."),
                );
              }}
            >
              <SelectTrigger id={id} className="w-56" aria-describedby={describedBy}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="default">Partner default ({onOff(row.partnerDefault)})</SelectItem>
                <SelectItem value="on">On</SelectItem>
                <SelectItem value="off">Off</SelectItem>
              </SelectContent>
            </Select>
          )}
        />
      ))}
    </ul>
  );
}
