import { z } from "zod";
import { MAX_RECORD_ID, RECORD_ID_PATTERN } from "./ids";

/** The record-ID rule of lib/ids.ts as zod schemas, for the inputs each door validates. */

/** A record ID sent as a JSON number (server actions' inputs). */
export function recordIdNumber(message?: string) {
  return z.number({ error: message }).int(message).positive(message).max(MAX_RECORD_ID, message);
}

/** A record ID as text (a URL path segment). */
export function recordIdText(message?: string) {
  return z
    .string()
    .regex(RECORD_ID_PATTERN, message)
    .transform(Number)
    .refine((id) => id <= MAX_RECORD_ID, message);
}

/** A record ID sent as a JSON number or as a string of digits (rule A8), as the API and the forms send them. */
export function recordIdNumberOrText(message = "Expected an ID: a number or a string of digits.") {
  return z
    .union([recordIdNumber(message), z.string().regex(RECORD_ID_PATTERN, message)], { error: message })
    .transform(Number)
    .refine((id) => id <= MAX_RECORD_ID, message);
}
