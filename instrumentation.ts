/**
 * Runs once when the server starts: keeps the billing-period roll-ups current (at start, then hourly), so that a
 * new month starts from zero tasks even for customers that run no job.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { rollOverBillingPeriods } = await import("@/lib/customers/roll-over");
  const rollOver = () =>
    rollOverBillingPeriods().catch((error: unknown) => console.error("Billing period roll-over failed; will retry in an hour.", error));
  void rollOver();
  setInterval(rollOver, 60 * 60 * 1000).unref();
}
