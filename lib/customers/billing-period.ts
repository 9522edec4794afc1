/** The billing period a moment falls in: its calendar month (UTC), as `YYYY-MM-01`. */
export function billingPeriodOf(at: Date): string {
  return `${at.toISOString().slice(0, 7)}-01`;
}
