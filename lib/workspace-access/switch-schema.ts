import { z } from "zod";
import { MAX_RECORD_ID } from "@/lib/actions/record-id";

/** What "Switch to this account" sends: the customer and an optional reason kept in the audit log (rule C7). */
export const switchAccountSchema = z.object({
  customerId: z.coerce.number().int().positive().max(MAX_RECORD_ID),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
});
export type SwitchAccountInput = z.input<typeof switchAccountSchema>;
