import type postgres from "postgres";

/**
 * Recounts a partner's maintained counters from its rows. For bulk loads that run with triggers off; the same
 * definitions as the triggers of migrations 0004 and 0006.
 */
export async function recomputePartnerCounters(sql: postgres.Sql, partnerId: number): Promise<void> {
  await sql`
    INSERT INTO partner_counters AS pc (partner_id, customers, trials, free_without_trial)
    SELECT ${partnerId}, count(*),
           count(*) FILTER (WHERE c.trial_ends_at IS NOT NULL),
           count(*) FILTER (WHERE c.trial_ends_at IS NULL AND p.is_free)
      FROM customers c JOIN plans p ON p.id = c.plan_id
     WHERE c.partner_id = ${partnerId}
    ON CONFLICT (partner_id) DO UPDATE
      SET customers = excluded.customers, trials = excluded.trials, free_without_trial = excluded.free_without_trial`;
  await sql`DELETE FROM partner_trial_end_days WHERE partner_id = ${partnerId}`;
  await sql`
    INSERT INTO partner_trial_end_days (partner_id, day, customers)
    SELECT partner_id, (trial_ends_at AT TIME ZONE 'UTC')::date, count(*) FROM customers
     WHERE partner_id = ${partnerId} AND trial_ends_at IS NOT NULL GROUP BY 1, 2`;
}
