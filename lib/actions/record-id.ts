import { z } from "zod";

const recordId = z.coerce.number().int().positive().max(2_147_483_647);

/** A record ID from a URL segment: a positive 32-bit integer, or null (which answers like an unknown record). */
export function recordIdOf(segment: string): number | null {
  const parsed = recordId.safeParse(segment);
  return parsed.success ? parsed.data : null;
}
