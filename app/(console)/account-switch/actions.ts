"use server";

import { consoleAction } from "@/lib/transport/console-action";
import { rememberReturnPath } from "@/lib/workspace-access/return-path";
import { switchIntoCustomer } from "@/lib/workspace-access/switch";
import { switchAccountSchema } from "@/lib/workspace-access/switch-schema";

/**
 * **Switch to this account** (rules C7, U18): from the partner account only (consoleAction refuses a session that
 * is already inside a customer account), into a customer the server decides the person may enter. The page it was
 * made from is kept for **Return to partner account**.
 */
export const switchToAccount = consoleAction(switchAccountSchema, async (ctx, input) => {
  const switched = await switchIntoCustomer(ctx, input);
  if (input.returnTo) await rememberReturnPath(input.returnTo);
  return { customerName: switched.customerName, expiresAt: switched.expiresAt.toISOString() };
});
