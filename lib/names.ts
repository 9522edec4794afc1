import { z } from "zod";

/**
 * Names people read in lists and type back in confirmations (customers, team names, API clients, collaborator
 * groups). Issue 12: a customer named with two zero-width spaces was accepted, and its row link was 0 px wide.
 * Safe to import in client components: the forms run the same schema before sending.
 */

/**
 * Characters that show nothing: Unicode white space (`\s`), format characters (`\p{Cf}`: zero-width space and
 * joiners, the byte-order mark, bidi marks, soft hyphen), and the blank letters and symbols (Hangul fillers,
 * Braille blank) that render as empty space.
 */
const INVISIBLE = "\\s\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0\\u2800";
const EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, "gu");
/** A character that draws something: not invisible, not a control, not a combining mark on its own. */
const VISIBLE = new RegExp(`[^${INVISIBLE}\\p{Cc}\\p{M}]`, "u");

/** NFC, with invisible characters trimmed from both ends (those inside, such as an emoji's joiner, stay). */
export function normalizeName(value: string): string {
  return value.normalize("NFC").replace(EDGES, "");
}

export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

export const INVISIBLE_NAME_MESSAGE = "Use at least one visible character: this name has only spaces or invisible characters.";

/**
 * The one schema of such a name: normalized (NFC, trimmed as above), not empty, at most `max` characters, with a
 * visible character. Still a plain string schema (`.overwrite` keeps its type), so it reads the same in OpenAPI.
 */
export function nameField(options: { required: string; max: number; tooLong: string }) {
  return (
    z
      .string()
      // Only white space reads as an empty field ("Enter …"); anything else with nothing to see gets its own reason.
      .refine((raw) => hasVisibleCharacter(raw) || !/\S/u.test(raw), { message: INVISIBLE_NAME_MESSAGE, abort: true })
      .overwrite(normalizeName)
      .min(1, options.required)
      .max(options.max, options.tooLong)
  );
}
