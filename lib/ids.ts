/**
 * Record IDs, one rule for every door (URL segment, form, server action, REST API). An ID is written the way
 * PostgreSQL prints it: decimal digits with no sign, no leading zero, no spaces, no exponent and no `0x`; its value
 * lies within PostgreSQL's `integer`, the type of every ID column, since a larger one can name nothing and would
 * fail the query instead of answering "not found". No imports: the Customers view's URL parsers run in the
 * browser, which must not load zod for them. The zod schemas built on this rule are in lib/id-schemas.ts.
 */

/** The largest value of PostgreSQL's `integer`. */
export const MAX_RECORD_ID = 2_147_483_647;

/** Digits as an ID is written: at most ten, the first not zero (the value is checked against MAX_RECORD_ID). */
export const RECORD_ID_PATTERN = /^[1-9][0-9]{0,9}$/;

/** Whether a number can be a record ID: a positive integer within PostgreSQL's `integer`. */
export function isRecordId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_RECORD_ID;
}

/** The ID a piece of text names (a URL segment, a query parameter), or null, which answers like an unknown record. */
export function parseRecordId(text: string): number | null {
  if (!RECORD_ID_PATTERN.test(text)) return null;
  const id = Number(text);
  return id <= MAX_RECORD_ID ? id : null;
}
