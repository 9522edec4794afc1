/** The notification settings' inputs: the server actions validate with them, the forms send exactly these. */
import { z } from "zod";
import { customerIdInput } from "@/lib/customers/settings-schema";
import { NOTIFICATION_KINDS } from "./kinds";

export const notificationKindInput = z.enum(NOTIFICATION_KINDS, { error: "Choose one of the notifications." });

/** A customer's choice for one event: on, off, or whatever the partner's default says. */
export const CUSTOMER_CHOICES = ["default", "on", "off"] as const;

export const customerNotificationInput = z.object({
  customerId: customerIdInput,
  kind: notificationKindInput,
  choice: z.enum(CUSTOMER_CHOICES, { error: "Choose On, Off or the partner default." }),
});

export const notificationDefaultInput = z.object({ kind: notificationKindInput, enabled: z.boolean() });

export type CustomerNotificationInput = z.output<typeof customerNotificationInput>;
export type NotificationDefaultInput = z.output<typeof notificationDefaultInput>;
