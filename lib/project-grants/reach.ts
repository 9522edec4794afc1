import "server-only";
import { and, inArray, sql, type SQL } from "drizzle-orm";
import { environments, projects } from "@/db/schema";
import { apiClientReach } from "@/lib/api-clients/authenticate";
import type { RequestContext } from "@/lib/context";

type EnvironmentType = (typeof environments.$inferSelect)["type"];

/**
 * The environments and projects of customer workspaces an actor may reach (rule A10). People in the console reach
 * everything their role allows; an API client only the environments it was given and, when it was given project
 * names, only those projects. `null` means no limit.
 */
export interface Reach {
  environmentTypes: EnvironmentType[] | null;
  projectNames: string[] | null;
}

/** Read before the transaction starts: the embedded database serves one connection, which the transaction holds. */
export async function reachOf(ctx: RequestContext): Promise<Reach> {
  if (ctx.actor.kind !== "api_client") return { environmentTypes: null, projectNames: null };
  const reach = await apiClientReach(ctx.actor.apiClientId);
  return {
    environmentTypes: reach.environmentTypes as EnvironmentType[],
    projectNames: reach.projectNames.length > 0 ? reach.projectNames : null,
  };
}

/** The condition on `environments` and `projects` (both joined) that keeps what the reach allows. */
export function withinReach(reach: Reach): SQL | undefined {
  return and(
    reach.environmentTypes === null ? undefined : reach.environmentTypes.length > 0 ? inArray(environments.type, reach.environmentTypes) : sql`false`,
    reach.projectNames === null ? undefined : inArray(projects.name, reach.projectNames),
  );
}
