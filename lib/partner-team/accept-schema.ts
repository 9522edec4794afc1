import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";

/** Accepting a team invitation: a new person also gives a name and a password. Safe to import in client components. */
export const acceptTeamInvitationSchema = z.object({
  token: z.string().max(200),
  name: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Use at most 100 characters.")
    .refine((value) => !/[\r\n]/.test(value), "Your name cannot contain a line break.")
    .optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024, "Use at most 1,024 characters.").optional(),
});
