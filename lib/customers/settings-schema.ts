/**
 * The customer settings' input schemas: the server actions validate with them, and the forms in the browser run
 * the same field schemas before sending, so both give the same messages.
 */
import { z } from "zod";
import { recordIdNumber, recordIdNumberOrText } from "@/lib/id-schemas";
import { parseOriginList } from "./origins";

export const customerIdInput = recordIdNumber();

export const notificationEmailField = z
  .string()
  .trim()
  .min(1, "Enter a notification email.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like ops@example.com."));

/** Empty clears the external ID. */
export const externalIdField = z
  .string()
  .trim()
  .max(100, "An external ID has at most 100 characters.")
  .transform((value) => (value === "" ? null : value));

/** A comma-separated list, turned into normalised, de-duplicated origins; each bad entry is named. */
export const iframeOriginsField = z
  .string()
  .max(10_000, "This list is too long.")
  .transform((value, ctx) => {
    const { origins, errors } = parseOriginList(value);
    for (const message of errors) ctx.addIssue({ code: "custom", message });
    return origins;
  });

export const changePlanInput = z.object({ customerId: customerIdInput, planId: recordIdNumberOrText("Choose a plan.") });
export const setTrialInput = z.object({ customerId: customerIdInput, enabled: z.boolean() });
export const notificationEmailInput = z.object({ customerId: customerIdInput, notificationEmail: notificationEmailField });
export const externalIdInput = z.object({ customerId: customerIdInput, externalId: externalIdField });
export const iframeOriginsInput = z.object({ customerId: customerIdInput, iframeOrigins: iframeOriginsField });
export const deleteCustomerInput = z.object({ customerId: customerIdInput, confirmName: z.string().max(1_000) });

export type ChangePlanInput = z.output<typeof changePlanInput>;
export type SetTrialInput = z.output<typeof setTrialInput>;
export type NotificationEmailInput = z.output<typeof notificationEmailInput>;
export type ExternalIdInput = z.output<typeof externalIdInput>;
export type IframeOriginsInput = z.output<typeof iframeOriginsInput>;
export type DeleteCustomerInput = z.output<typeof deleteCustomerInput>;
