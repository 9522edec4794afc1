import type { Metadata } from "next";
import { Info } from "lucide-react";
import { requireConsolePage } from "@/lib/auth/session";
import { getNotificationDefaults } from "@/lib/notifications/settings";
import { NotificationDefaults } from "./_components/notification-defaults";

export const metadata: Metadata = { title: "Notifications" };

const READ_ONLY_ID = "notifications-read-only";

/**
 * **Notifications**: which events go to every customer's notification email unless the customer's own Settings ›
 * Notifications says otherwise (issue 15). Partner admins change them; members see them.
 */
export default async function NotificationsPage() {
  const ctx = await requireConsolePage();
  const defaults = await getNotificationDefaults(ctx);
  const disabled = !defaults.canManage;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="text-sm text-muted-foreground">
          The events your customers&apos; notification emails receive by default, each sent once with a link to the customer&apos;s settings. A customer&apos;s
          own choice, under its Settings › Notifications, wins over these.
        </p>
      </div>
      {disabled ? (
        <p id={READ_ONLY_ID} role="note" className="flex items-start gap-2 rounded-md border bg-muted/50 px-4 py-3 text-sm">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          Only partner admins can change the default notifications. You can see them, but not change them.
        </p>
      ) : null}
      <NotificationDefaults rows={defaults.rows} disabled={disabled} disabledReasonId={disabled ? READ_ONLY_ID : undefined} />
    </div>
  );
}
