"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/transport/console-action";
import { assignCustomerManager } from "@/lib/customer-managers/assign";
import { editCustomerManager } from "@/lib/customer-managers/edit";
import { removeCustomerManager } from "@/lib/customer-managers/remove";
import { assignManagerSchema, editManagerSchema, removeManagerSchema, selectionOf } from "@/lib/customer-managers/schema";

/** **Assign customer manager** (partner admins only: the command authorizes). */
export const assignManager = consoleAction(assignManagerSchema, async (ctx, input) => {
  const result = await assignCustomerManager(ctx, { userId: input.userId, roleId: input.roleId, customerIds: selectionOf(input) });
  revalidatePath("/customer-managers");
  return result;
});

/** **Edit customer manager** → **Save**. */
export const editManager = consoleAction(editManagerSchema, async (ctx, input) => {
  const result = await editCustomerManager(ctx, { id: input.id, roleId: input.roleId, customerIds: selectionOf(input) });
  revalidatePath("/customer-managers");
  return result;
});

/** **Remove customer manager**. */
export const removeManager = consoleAction(removeManagerSchema, async (ctx, input) => {
  const result = await removeCustomerManager(ctx, input);
  revalidatePath("/customer-managers");
  return result;
});
