"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/transport/console-action";
import { notificationDefaultInput } from "@/lib/notifications/schema";
import { setNotificationDefault } from "@/lib/notifications/settings";

/** One default notification on or off: partner admins only (the command authorizes). */
export const setNotificationDefaultAction = consoleAction(notificationDefaultInput, async (ctx, input) => {
  const result = await setNotificationDefault(ctx, input);
  revalidatePath("/notifications");
  return result;
});
