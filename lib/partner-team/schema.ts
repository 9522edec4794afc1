import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";
import { emailAddressSchema } from "@/lib/mail/address";

/** Partner roles as the Teams page names them. Safe to import in client components. */
export const PARTNER_ROLES = ["admin", "member"] as const;
export const PARTNER_ROLE_LABELS = { admin: "Admin", member: "Member" } as const;

const role = z.enum(PARTNER_ROLES, { error: "Choose Admin or Member." });
const recordId = recordIdNumber();

export const inviteTeamMemberSchema = z.object({ email: emailAddressSchema, role });
export const invitationIdSchema = z.object({ id: recordId });
export const changeTeamRoleSchema = z.object({ userId: recordId, role });
export const removeTeamMemberSchema = z.object({ userId: recordId });

export type InviteTeamMemberInput = z.output<typeof inviteTeamMemberSchema>;
