"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/transport/workspace-action";
import { changeRoleSchema, inviteCollaboratorSchema, removeCollaboratorSchema } from "@/lib/workspace/schemas";
import { changeCollaboratorRole, inviteCollaborator, removeCollaborator } from "@/lib/workspace-team/team";

/** Invite a collaborator by email with a role (rule U19). */
export const invite = workspaceAction(inviteCollaboratorSchema, async (ctx, input) => {
  const result = await inviteCollaborator(ctx, input);
  revalidatePath("/workspace/teams");
  return result;
});

/** Change a direct collaborator's role (never a customer manager's, rule C6). */
export const changeRole = workspaceAction(changeRoleSchema, async (ctx, input) => {
  await changeCollaboratorRole(ctx, input);
  revalidatePath("/workspace/teams");
  return null;
});

/** Remove a collaborator's direct invitation (a customer manager's assignment stays, rules C6, C12). */
export const remove = workspaceAction(removeCollaboratorSchema, async (ctx, input) => {
  const result = await removeCollaborator(ctx, input);
  revalidatePath("/workspace/teams");
  return result;
});
