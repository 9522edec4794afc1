import "server-only";
import type { z } from "zod";
import { consoleAccess } from "@/lib/auth/console-access";
import type { ConsoleContext } from "@/lib/auth/session";
import { serverAction, type ActionResult, type Guard } from "./action";

/** A partner team member in the partner account (not switched into a customer). */
export const consoleGuard: Guard<ConsoleContext> = async () => {
  const { ctx, refusal } = await consoleAccess();
  return refusal ? { refusal: refusal.message } : { ctx };
};

/** A partner console server action: `serverAction` with the console's guard. */
export function consoleAction<Schema extends z.ZodType, Result>(
  schema: Schema,
  handler: (ctx: ConsoleContext, input: z.output<Schema>) => Promise<Result>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return serverAction(consoleGuard, schema, handler);
}
