import { z } from "zod";
import { recordIdNumberOrText } from "@/lib/id-schemas";

/**
 * A page of this console to go back to after a switch: a path on this host ("/customers?q=acme"), never another
 * host ("//evil.example", "https://…") nor a backslash some browsers read as a slash.
 */
export const returnPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/([^/\s\\][^\s\\]*)?$/, "Expected a path of this console.");

/** What "Switch to this account" sends: the customer and an optional reason kept in the audit log (rule C7). */
export const switchAccountSchema = z.object({
  customerId: recordIdNumberOrText(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
  /** The page the switch was made from, where **Return to partner account** goes back to (issue 12). */
  returnTo: returnPathSchema.optional(),
});
export type SwitchAccountInput = z.input<typeof switchAccountSchema>;
