import "server-only";
import { sql } from "drizzle-orm";
import type { RequestContext } from "@/lib/context";
import { listWorkspaceMembers } from "@/lib/workspace-team/membership";
import { inWorkspace } from "./scope";
import { authorize } from "@/lib/authorization/authorize";

export type WorkspaceSummary = { recipes: number; running: number; connections: number; collaborators: number };

/** The figures at the top of the workspace's **Dashboard**. */
export async function workspaceSummary(ctx: RequestContext): Promise<WorkspaceSummary> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) => {
    const [row] = await tx.execute<Omit<WorkspaceSummary, "collaborators">>(sql`
      select (select count(*)::int from recipes where customer_id = ${customerId}) as recipes,
             (select count(*)::int from recipes where customer_id = ${customerId} and status = 'running') as running,
             (select count(*)::int from connections where customer_id = ${customerId}) as connections`);
    // Collaborators as the Teams page counts them: direct members and customer managers, each once (rule C12).
    const collaborators = (await listWorkspaceMembers(tx, ctx.partnerId, customerId)).length;
    return { recipes: row?.recipes ?? 0, running: row?.running ?? 0, connections: row?.connections ?? 0, collaborators };
  });
}
