"use client";

import { TriangleAlert } from "lucide-react";
import { externalIdField, iframeOriginsField, notificationEmailField } from "@/lib/customers/settings-schema";
import { updateExternalIdAction, updateIframeOriginsAction, updateNotificationEmailAction } from "../actions";
import { TextSettingForm } from "./text-setting-form";

type FormProps = { customerId: number; defaultValue: string; disabled: boolean; disabledReasonId?: string };

export function NotificationEmailForm({ customerId, ...props }: FormProps) {
  return (
    <TextSettingForm
      {...props}
      field="notificationEmail"
      label="Notification email"
      description="This email receives the notifications of the customer account."
      schema={notificationEmailField}
      save={(notificationEmail) => updateNotificationEmailAction({ customerId, notificationEmail })}
      saveLabel="Save notification email"
      savedMessage="Notification email saved."
    />
  );
}

export function ExternalIdForm({ customerId, ...props }: FormProps) {
  return (
    <TextSettingForm
      {...props}
      field="externalId"
      label="External ID"
      description="Your own ID for this customer, usually its ID in your CRM. Unique among your customers; leave empty to remove it."
      warning={
        <p className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-warning">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          You can change the external ID at any time, but API calls that use the external ID to name this customer must then use the new one.
        </p>
      }
      schema={externalIdField}
      save={(externalId) => updateExternalIdAction({ customerId, externalId })}
      saveLabel="Save external ID"
      savedMessage="External ID saved."
    />
  );
}

export function IframeOriginsForm({ customerId, ...props }: FormProps) {
  return (
    <TextSettingForm
      {...props}
      field="iframeOrigins"
      label="iframe origin URLs"
      description="Origins separated by commas, each a scheme (https or http), a host and an optional port, with nothing after: https://customer.example.com, https://eu.example.com:8443"
      placeholder="https://customer.example.com"
      multiline
      schema={iframeOriginsField}
      save={(iframeOrigins) => updateIframeOriginsAction({ customerId, iframeOrigins })}
      saveLabel="Save iframe origin URLs"
      savedMessage="iframe origin URLs saved."
    />
  );
}
