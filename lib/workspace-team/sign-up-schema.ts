import { z } from "zod";

/** One message for an unknown, used or expired link, so that the answer tells nothing about which it was. */
export const INVALID_INVITATION = "This invitation link is no longer valid.";

export const MIN_PASSWORD_LENGTH = 12;

/** Signing up with an invitation link (rule U19). Safe to import in client components. */
export const invitationSignUpSchema = z.object({
  token: z.string().max(200),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  // The same upper bound as sign-in (lib/auth/sign-in.ts); a length floor is the one rule NIST keeps.
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024, "Use at most 1,024 characters."),
});
