"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/transport/workspace-action";
import { teamNameSchema } from "@/lib/workspace/schemas";
import { renameTeam } from "@/lib/workspace/settings";

/** **Team name**: only for roles that may manage collaborators (rule U30, decision D6). */
export const saveTeamName = workspaceAction(teamNameSchema, async (ctx, input) => {
  const result = await renameTeam(ctx, input);
  revalidatePath("/workspace", "layout");
  return result;
});
