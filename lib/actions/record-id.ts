import { z } from "zod";

/** The largest ID a record can have (PostgreSQL's integer): a bigger one can name nothing, and fails the query. */
export const MAX_RECORD_ID = 2_147_483_647;

const recordId = z.coerce.number().int().positive().max(MAX_RECORD_ID);

/** A record ID from a URL segment: a positive 32-bit integer, or null (which answers like an unknown record). */
export function recordIdOf(segment: string): number | null {
  const parsed = recordId.safeParse(segment);
  return parsed.success ? parsed.data : null;
}
