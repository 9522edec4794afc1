"use client";

import { NotificationRow } from "@/components/notification-row";
import { Switch } from "@/components/ui/switch";
import { useActionRunner } from "@/components/use-action-runner";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import { setNotificationDefaultAction } from "../actions";

/** The partner's default notifications: a switch per event, saved when flipped (admins); read-only for members. */
export function NotificationDefaults({
  rows,
  disabled,
  disabledReasonId,
}: {
  rows: { kind: NotificationKind; enabled: boolean }[];
  disabled: boolean;
  disabledReasonId?: string;
}) {
  const { pending, run } = useActionRunner();

  return (
    <ul className="flex flex-col divide-y rounded-md border">
      {rows.map((row) => (
        <NotificationRow
          key={row.kind}
          kind={row.kind}
          idPrefix="default"
          disabledReasonId={disabledReasonId}
          className="flex items-center justify-between gap-4 px-4 py-3"
          control={({ id, describedBy }) => (
            <Switch
              id={id}
              checked={row.enabled}
              disabled={disabled || pending}
              aria-describedby={describedBy}
              onCheckedChange={(enabled) =>
                run(
                  () => setNotificationDefaultAction({ kind: row.kind, enabled }),
                  () => `${NOTIFICATION_LABELS[row.kind].label}: ${enabled ? "on" : "off"} by default.`,
                )
              }
            />
          )}
        />
      ))}
    </ul>
  );
}
