import { z } from "zod";

/** What **Sign in** sends: checked in the browser with these messages, and again by the credentials provider. */
export const credentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .toLowerCase()
    .pipe(z.email("Enter an email address in the format name@example.com."))
    .pipe(z.string().max(320)),
  password: z.string().min(1, "Enter your password.").max(1024),
});
