import { z } from "zod";

/**
 * The longest address SMTP can carry (RFC 5321: a 256-octet path, less its angle brackets). Longer ones are refused
 * where they are entered, not discovered by the mail server later.
 */
export const MAX_EMAIL_LENGTH = 254;

/** An email address as people type it: trimmed, lower-cased, well formed, no longer than SMTP allows. */
export const emailAddressSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, `Keep the email address under ${MAX_EMAIL_LENGTH + 1} characters.`)
  .pipe(z.email("Enter an email address in the format name@example.com."));

/** CR and LF end a mail header: a name or subject carrying one could add headers of its own (header injection). */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

export function hasLineBreak(value: string): boolean {
  return LINE_BREAK.test(value);
}

/** A one-line text that goes into a header (a name, a subject): refused with `message` when it holds a line break. */
export const headerTextSchema = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Keep ${label} under ${max + 1} characters.`)
    .refine((value) => !hasLineBreak(value), `${label[0]!.toUpperCase()}${label.slice(1)} cannot contain a line break.`);
