import * as React from "react";
import { Label } from "@/components/ui/label";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/kinds";

/**
 * One notification event in a list, its name and what it sends, with the control that sets it (a customer's
 * choice on Settings, the partner's default on Notifications). `control` gets the IDs to label and describe it by.
 */
export function NotificationRow({
  kind,
  idPrefix,
  disabledReasonId,
  className,
  control,
}: {
  kind: NotificationKind;
  idPrefix: string;
  disabledReasonId?: string;
  className: string;
  control: (ids: { id: string; describedBy: string }) => React.ReactNode;
}) {
  const { label, description } = NOTIFICATION_LABELS[kind];
  const id = `${idPrefix}-${kind}`;
  return (
    <li className={className}>
      <div className="flex min-w-0 flex-col gap-0.5">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
      </div>
      {control({ id, describedBy: [`${id}-description`, disabledReasonId].filter(Boolean).join(" ") })}
    </li>
  );
}
