/** The largest value of a PostgreSQL `integer`, the type of customer IDs. */
const MAX_ID = 2_147_483_647;

/**
 * A customer's numeric ID as it appears in the URL (rule U26): a positive integer written plainly, nothing else
 * (no sign, no leading zero, no decimals, nothing beyond the integer column's range). Null otherwise.
 */
export function parseCustomerId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}
