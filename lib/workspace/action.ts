import "server-only";
import { z } from "zod";
import { failureOf, fieldErrorsOf, type ActionResult } from "@/lib/actions/console-action";
import { unstorableTextErrors } from "@/lib/errors";
import { getSessionContext } from "@/lib/auth/session";
import type { RequestContext } from "@/lib/context";
import { toWorkspaceContext, type WorkspaceContext } from "./context";

/**
 * The customer workspace's counterpart of `consoleAction`. Every call re-reads the session (a switch that ran out
 * or a removed manager is refused here), requires a customer account the person may still be in and checks the
 * input, then runs the handler; its command authorizes the role's permission on its first line.
 */
export function workspaceAction<Schema extends z.ZodType, Result>(
  schema: Schema,
  handler: (ctx: WorkspaceContext, input: z.output<Schema>) => Promise<Result>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return async (input) => runWorkspaceAction(await getSessionContext(), schema, handler, input);
}

/** The body of a workspace action, for a given session context (exported for tests). */
export async function runWorkspaceAction<Schema extends z.ZodType, Result>(
  session: RequestContext | null,
  schema: Schema,
  handler: (ctx: WorkspaceContext, input: z.output<Schema>) => Promise<Result>,
  input: unknown,
): Promise<ActionResult<Result>> {
  if (!session) return { ok: false, error: "Your session has ended. Sign in again." };
  try {
    const ctx = await toWorkspaceContext(session);
    if (!ctx) return { ok: false, error: "You are not in this customer account any more." };
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
}
