import { z } from "zod";
import { emailAddressSchema } from "@/lib/mail/address";
import { MIN_PASSWORD_LENGTH } from "@/lib/workspace-team/sign-up-schema";

/** Safe to import in client components. */
export const forgotPasswordSchema = z.object({ email: emailAddressSchema });

export const resetPasswordSchema = z.object({
  token: z.string().max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024, "Use at most 1,024 characters."),
});

/** The one answer to "Forgot password?", whether or not the email has an account. */
export const RESET_REQUESTED =
  "If an account uses this email, we sent it a link to set a new password. The link works once, for one hour. Check your inbox (and spam folder).";
