import "server-only";
import { z } from "zod";
import { fieldErrorsOf, unstorableTextErrors } from "@/lib/errors";
import { actionFailure, type ActionFailure } from "./errors";

export { fieldErrorsOf };
/** The failure a transport answers in its own way; for server actions, through `actionFailure` (./errors.ts). */
export { actionFailure as failureOf };

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/**
 * Who is calling, for one kind of server action: the context to run the command with, or the refusal to answer.
 * A guard only authenticates (which person, which partner, which account); the command authorizes.
 */
export type Guard<Context> = () => Promise<{ ctx: Context; refusal?: undefined } | { ctx?: undefined; refusal: string }>;

const INVALID = "Some fields need your attention.";

/**
 * The one server action builder. Every server action is a public POST endpoint: the guard authenticates, the input
 * is checked with zod (and for text PostgreSQL cannot store), then the handler calls its command, whose first line
 * authorizes. Whatever is thrown, the session read included, comes back as `{ ok: false }`, never as a 500.
 */
export function serverAction<Context, Schema extends z.ZodType, Result>(
  guard: Guard<Context>,
  schema: Schema,
  handler: (ctx: Context, input: z.output<Schema>) => Promise<Result>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return (input) => runAction(guard, schema, handler, input);
}

/** The body of a server action, for a given guard (exported for tests). */
export async function runAction<Context, Schema extends z.ZodType, Result>(
  guard: Guard<Context>,
  schema: Schema,
  handler: (ctx: Context, input: z.output<Schema>) => Promise<Result>,
  input: unknown,
): Promise<ActionResult<Result>> {
  try {
    const caller = await guard();
    if (caller.refusal !== undefined) return { ok: false, error: caller.refusal };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const unstorable = unstorableTextErrors(parsed.data);
    if (Object.keys(unstorable).length > 0) return { ok: false, error: INVALID, fieldErrors: unstorable };
    return { ok: true, data: await handler(caller.ctx, parsed.data) };
  } catch (error) {
    return actionFailure(error);
  }
}
