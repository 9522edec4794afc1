import { z } from "zod";
import { MAX_RECORD_ID } from "@/lib/actions/record-id";

/**
 * Inputs of the customer workspace's actions, validated in the browser and again on the server. Safe to import in
 * client components.
 */
const id = z.number().int().positive().max(MAX_RECORD_ID);

export const recipeStatusSchema = z.object({ recipeId: id, status: z.enum(["running", "stopped"]) });

export const saveVersionSchema = z.object({
  recipeId: id,
  comment: z.string().trim().max(200, "Keep the comment under 200 characters."),
});

export const connectAppSchema = z.object({
  appId: z.number({ error: "Choose an app." }).int().positive("Choose an app.").max(MAX_RECORD_ID, "Choose an app."),
  name: z.string().trim().min(1, "Enter a name for the connection.").max(100, "Keep the name under 100 characters."),
});

export const disconnectSchema = z.object({ connectionId: id });

export const inviteCollaboratorSchema = z.object({
  name: z.string().trim().min(1, "Enter the collaborator's name.").max(100, "Keep the name under 100 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address in the format name@example.com.")).pipe(z.string().max(320)),
  roleId: z.number({ error: "Choose a role." }).int().positive("Choose a role.").max(MAX_RECORD_ID, "Choose a role."),
});
export type InviteCollaboratorForm = z.input<typeof inviteCollaboratorSchema>;

export const changeRoleSchema = z.object({ userId: id, roleId: z.number({ error: "Choose a role." }).int().positive("Choose a role.").max(MAX_RECORD_ID, "Choose a role.") });

export const removeCollaboratorSchema = z.object({ userId: id });

export const teamNameSchema = z.object({
  name: z.string().trim().min(1, "Enter a team name.").max(120, "Keep the team name under 120 characters."),
});
