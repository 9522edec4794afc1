import "server-only";
import { z } from "zod";
import { consoleAccess } from "@/lib/auth/console-access";
import type { ConsoleContext } from "@/lib/auth/session";
import { knownFailure } from "@/lib/db/errors";
import { fieldErrorsOf, unstorableTextErrors, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/observability/log-error";

export { fieldErrorsOf };

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * Translates what a data-access call threw into the action's answer (an unreachable database says so, to try again
 * in a few seconds); anything unexpected is logged, not shown.
 */
export function failureOf(error: unknown): { ok: false; error: string; fieldErrors?: FieldErrors } {
  const known = knownFailure(error);
  if (known) return { ok: false, error: known.message, fieldErrors: known.fieldErrors };
  logError(error, "server action failed");
  return { ok: false, error: "Something went wrong on our side. Nothing was changed; try again." };
}

/**
 * The one way to write a partner console server action. Every server action is a public POST endpoint, so the
 * wrapper authenticates (a partner team member, in the partner account: not switched into a customer) and checks
 * the input with zod before the command, which authorizes on its first line; errors come back as `{ ok: false }`.
 */
export function consoleAction<Schema extends z.ZodType, Result>(
  schema: Schema,
  handler: (ctx: ConsoleContext, input: z.output<Schema>) => Promise<Result>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return async (input) => {
    try {
      // Inside the try: reading the session is a database call too, and may find the database down.
      const { ctx, refusal } = await consoleAccess();
      if (refusal) return { ok: false, error: refusal.message };
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: "Some fields need your attention.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const unstorable = unstorableTextErrors(parsed.data);
      if (Object.keys(unstorable).length > 0) return { ok: false, error: "Some fields need your attention.", fieldErrors: unstorable };
      return { ok: true, data: await handler(ctx, parsed.data) };
    } catch (error) {
      return failureOf(error);
    }
  };
}
