"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/transport/console-action";
import { changeTeamRole } from "@/lib/partner-team/change-role";
import { inviteTeamMember } from "@/lib/partner-team/invite";
import { removeTeamMember } from "@/lib/partner-team/remove";
import { resendTeamInvitation } from "@/lib/partner-team/resend";
import { revokeTeamInvitation } from "@/lib/partner-team/revoke";
import { changeTeamRoleSchema, invitationIdSchema, inviteTeamMemberSchema, removeTeamMemberSchema } from "@/lib/partner-team/schema";

/** **Invite team member** (partner admins only: the command authorizes). */
export const inviteTeamMemberAction = consoleAction(inviteTeamMemberSchema, async (ctx, input) => {
  const result = await inviteTeamMember(ctx, input);
  revalidatePath("/team");
  return result;
});

/** **Resend invitation**: a new link, emailed again. */
export const resendInvitationAction = consoleAction(invitationIdSchema, async (ctx, input) => {
  const result = await resendTeamInvitation(ctx, input);
  revalidatePath("/team");
  return result;
});

/** **Revoke invitation**. */
export const revokeInvitationAction = consoleAction(invitationIdSchema, async (ctx, input) => {
  const result = await revokeTeamInvitation(ctx, input);
  revalidatePath("/team");
  return result;
});

/** **Make admin** / **Make member**. */
export const changeTeamRoleAction = consoleAction(changeTeamRoleSchema, async (ctx, input) => {
  const result = await changeTeamRole(ctx, input);
  revalidatePath("/team");
  return result;
});

/** **Remove from team**. */
export const removeTeamMemberAction = consoleAction(removeTeamMemberSchema, async (ctx, input) => {
  const result = await removeTeamMember(ctx, input);
  revalidatePath("/team");
  return result;
});
