import { z } from "zod";
import { nameField } from "@/lib/names";

/** **+ Add customer** (rule U14): validated in the browser and again in the server action. */
export const addCustomerSchema = z.object({
  name: nameField({ required: "Enter the customer's name.", max: 200, tooLong: "Keep the name under 200 characters." }),
  notificationEmail: z
    .string()
    .trim()
    .min(1, "Enter the notification email.")
    .pipe(z.email("Enter a valid email address, like ops@example.com."))
    .pipe(z.string().max(320)),
  planId: z.coerce.number<unknown>().int().positive("Choose a plan."),
  externalId: z
    .string()
    .trim()
    .max(100, "Keep the external ID under 100 characters.")
    .optional()
    .transform((value) => (value ? value : null)),
});
export type AddCustomerInput = z.input<typeof addCustomerSchema>;
export type AddCustomerValues = z.output<typeof addCustomerSchema>;

export const EXTERNAL_ID_TAKEN = "Another customer already has this external ID.";
