export const numberFormat = new Intl.NumberFormat("en");
const percentFormat = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

/** A share (0–1) as a percentage with at most one decimal, or an em dash when there is nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : percentFormat.format(rate);
}
