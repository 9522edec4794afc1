"use client";

import * as React from "react";
import { toast } from "sonner";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import { setNotificationDefaultAction } from "../actions";

const UNREACHABLE = "The server could not be reached. Nothing was changed; try again.";

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
  const [pending, startTransition] = React.useTransition();

  const save = (kind: NotificationKind, enabled: boolean) =>
    startTransition(async () => {
      const result = await setNotificationDefaultAction({ kind, enabled }).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (!result.ok) toast.error(result.error);
      else toast.success(`${NOTIFICATION_LABELS[kind].label}: ${enabled ? "on" : "off"} by default.`);
    });

  return (
    <ul className="flex flex-col divide-y rounded-md border">
      {rows.map((row) => {
        const { label, description } = NOTIFICATION_LABELS[row.kind];
        const id = `default-${row.kind}`;
        return (
          <li key={row.kind} className="flex items-center justify-between gap-4 px-4 py-3">
            <div className="flex min-w-0 flex-col gap-0.5">
              <Label htmlFor={id}>{label}</Label>
              <p id={`${id}-description`} className="text-sm text-muted-foreground">
                {description}
              </p>
            </div>
            <Switch
              id={id}
              checked={row.enabled}
              disabled={disabled || pending}
              aria-describedby={[`${id}-description`, disabledReasonId].filter(Boolean).join(" ")}
              onCheckedChange={(checked) => save(row.kind, checked)}
            />
          </li>
        );
      })}
    </ul>
  );
}
