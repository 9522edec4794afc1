"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/transport/console-action";
import { addCustomer } from "@/lib/customers/commands/add-customer";
import { addCustomerSchema } from "@/lib/customers/add-customer-input";

/** **+ Add customer**: partner admins only; validated again here whatever the browser checked. */
export const addCustomerAction = consoleAction(addCustomerSchema, async (ctx, input) => {
  const customer = await addCustomer(ctx, input);
  revalidatePath("/customers");
  return customer;
});
