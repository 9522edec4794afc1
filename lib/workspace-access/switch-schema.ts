import { z } from "zod";
import { recordIdNumberOrText } from "@/lib/id-schemas";

/** What "Switch to this account" sends: the customer and an optional reason kept in the audit log (rule C7). */
export const switchAccountSchema = z.object({
  customerId: recordIdNumberOrText(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
});
export type SwitchAccountInput = z.input<typeof switchAccountSchema>;
