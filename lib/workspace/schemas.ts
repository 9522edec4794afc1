import { z } from "zod";
import { recordIdNumber } from "@/lib/id-schemas";
import { nameField } from "@/lib/names";

/**
 * Inputs of the customer workspace's actions, validated in the browser and again on the server. Safe to import in
 * client components.
 */
const id = recordIdNumber();

export const recipeStatusSchema = z.object({ recipeId: id, status: z.enum(["running", "stopped"]) });

export const saveVersionSchema = z.object({
  recipeId: id,
  comment: z.string().trim().max(200, "Keep the comment under 200 characters."),
});

export const connectAppSchema = z.object({
  appId: recordIdNumber("Choose an app."),
  name: z.string().trim().min(1, "Enter a name for the connection.").max(100, "Keep the name under 100 characters."),
});

export const disconnectSchema = z.object({ connectionId: id });

export const inviteCollaboratorSchema = z.object({
  name: z.string().trim().min(1, "Enter the collaborator's name.").max(100, "Keep the name under 100 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address in the format name@example.com.")).pipe(z.string().max(320)),
  roleId: recordIdNumber("Choose a role."),
});
export type InviteCollaboratorForm = z.input<typeof inviteCollaboratorSchema>;

export const changeRoleSchema = z.object({ userId: id, roleId: recordIdNumber("Choose a role.") });

export const removeCollaboratorSchema = z.object({ userId: id });

export const teamNameSchema = z.object({
  name: nameField({ required: "Enter a team name.", max: 120, tooLong: "Keep the team name under 120 characters." }),
});
