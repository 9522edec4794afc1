import "server-only";
import { revalidatePath } from "next/cache";
import type { ConsoleContext } from "@/lib/auth/session";

/** Wraps a customer command for a server action: run it, then re-render the customer page and the Customers table. */
export function refreshing<Input extends { customerId: number }, Result>(command: (ctx: ConsoleContext, input: Input) => Promise<Result>) {
  return async (ctx: ConsoleContext, input: Input) => {
    const result = await command(ctx, input);
    revalidatePath(`/customers/${input.customerId}`, "layout");
    revalidatePath("/customers");
    return result;
  };
}
