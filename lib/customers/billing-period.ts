import { formatIsoDate } from "../format";

/** The billing period a moment falls in: its calendar month (UTC), as `YYYY-MM-01`. */
export function billingPeriodOf(at: Date): string {
  return `${formatIsoDate(at).slice(0, 7)}-01`;
}
