import { Info } from "lucide-react";
import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import { getCustomerSettings } from "@/lib/customers/reads/settings-view";
import { getCustomerNotificationSettings } from "@/lib/notifications/settings";
import { readCustomerPage, type CustomerRouteParams } from "../_lib/customer-page";
import { DeleteAccount } from "./_components/delete-account";
import { NotificationSettings } from "./_components/notification-settings";
import { OriginList } from "./_components/origin-list";
import { PlanForm } from "./_components/plan-form";
import { SettingSection } from "./_components/setting-section";
import { ExternalIdForm, IframeOriginsForm, NotificationEmailForm } from "./_components/settings-forms";
import { TrialSetting } from "./_components/trial-setting";

const READ_ONLY_ID = "settings-read-only";

/** The Settings tab (rules U20–U22, U25, U27–U30): partner admins change them, other team members see them. */
export default async function CustomerSettingsPage({ params }: { params: CustomerRouteParams }) {
  const {
    customerId,
    data: [settings, notifications],
  } = await readCustomerPage(params, (ctx, id) => Promise.all([getCustomerSettings(ctx, id), getCustomerNotificationSettings(ctx, id)]));
  const disabled = !settings.canManage;
  const common = { customerId, disabled, disabledReasonId: disabled ? READ_ONLY_ID : undefined };

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h2 className="text-lg font-semibold tracking-tight">Settings</h2>
      {disabled ? (
        <p id={READ_ONLY_ID} role="note" className="flex items-start gap-2 rounded-md border bg-muted/50 px-4 py-3 text-sm">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          Only partner admins can change a customer&apos;s settings. You can see them, but not change them.
        </p>
      ) : null}

      <SettingSection title="Account details">
        <div className="flex flex-col gap-2">
          <Label htmlFor="setting-name">Customer name</Label>
          <Input id="setting-name" value={settings.name} readOnly aria-describedby="setting-name-description" className="max-w-xl" />
          <p id="setting-name-description" className="text-sm text-muted-foreground">
            The name is changed from inside the customer account, by a collaborator whose role may manage collaborators: Switch to this account, then Workspace
            admin › Settings › Team name.
          </p>
        </div>
        <Separator />
        <NotificationEmailForm key={settings.notificationEmail} defaultValue={settings.notificationEmail} {...common} />
        <Separator />
        <ExternalIdForm key={settings.externalId ?? ""} defaultValue={settings.externalId ?? ""} {...common} />
      </SettingSection>

      <SettingSection
        title="Subscription"
        description="Change the customer's plan to one of your plans. To add or remove plans, contact your Customer Success Representative."
      >
        <PlanForm key={settings.effectivePlanId} plans={settings.plans} currentPlanId={settings.effectivePlanId} {...common} />
        <Separator />
        <TrialSetting trial={settings.trial} {...common} />
      </SettingSection>

      <SettingSection
        title="Notifications"
        description={
          <>
            The events sent to the notification email ({settings.notificationEmail}), each once. Partner default follows your partner account&apos;s choice on
            the{" "}
            <Link href="/notifications" className="underline underline-offset-4">
              Notifications
            </Link>{" "}
            page.
          </>
        }
      >
        <NotificationSettings
          key={notifications.rows.map((row) => `${row.kind}:${row.choice}:${row.partnerDefault}`).join(",")}
          rows={notifications.rows}
          {...common}
        />
      </SettingSection>

      <SettingSection
        title="Embedding"
        description="The origins allowed to embed this customer's workspace. The customer inherits your partner account's origins; origins entered here are added to them."
      >
        <OriginList label="Inherited from your partner account" origins={settings.partnerOrigins} empty="None" />
        <IframeOriginsForm key={settings.customerOrigins.join(",")} defaultValue={settings.customerOrigins.join(", ")} {...common} />
        <OriginList label="Effective origins" origins={settings.effectiveOrigins} empty="None: the workspace cannot be embedded." />
      </SettingSection>

      <SettingSection
        title="Delete account"
        description="Deleting a customer account is permanent: it removes all the account's data and recipes. Deleted accounts cannot be recovered."
        className="border-destructive/40"
      >
        <DeleteAccount customerName={settings.name} {...common} />
      </SettingSection>
    </div>
  );
}
