import "server-only";
import type { z } from "zod";
import { getSessionContext } from "@/lib/auth/session";
import type { RequestContext } from "@/lib/context";
import { toWorkspaceContext, type WorkspaceContext } from "@/lib/workspace/context";
import { runAction, serverAction, type ActionResult, type Guard } from "./action";

/**
 * A person inside a customer account it may still be in, from a given session (re-read on every call: a switch
 * that ran out, or a manager removed since, is refused here).
 */
export function workspaceGuardOf(session: () => Promise<RequestContext | null>): Guard<WorkspaceContext> {
  return async () => {
    const current = await session();
    if (!current) return { refusal: "Your session has ended. Sign in again." };
    const ctx = await toWorkspaceContext(current);
    return ctx ? { ctx } : { refusal: "You are not in this customer account any more." };
  };
}

/** A customer workspace server action: `serverAction` with the workspace's guard; its command authorizes the role. */
export function workspaceAction<Schema extends z.ZodType, Result>(
  schema: Schema,
  handler: (ctx: WorkspaceContext, input: z.output<Schema>) => Promise<Result>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return serverAction(workspaceGuardOf(getSessionContext), schema, handler);
}

/** The body of a workspace action, for a given session context (exported for tests). */
export async function runWorkspaceAction<Schema extends z.ZodType, Result>(
  session: RequestContext | null,
  schema: Schema,
  handler: (ctx: WorkspaceContext, input: z.output<Schema>) => Promise<Result>,
  input: unknown,
): Promise<ActionResult<Result>> {
  return runAction(
    workspaceGuardOf(async () => session),
    schema,
    handler,
    input,
  );
}
