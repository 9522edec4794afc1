-- Bulk jobs (issue 17) change the plan or trial of thousands of customers in one statement. The row-level triggers
-- that kept the status counters and the per-day trial counts (0004, 0006) updated the partner's one counter row once
-- per customer: thousands of versions of one row per statement, each update walking the chain of the previous ones
-- (3.2 s of a 7.5 s batch of 5,000 at a million customers). They become statement-level, with transition tables:
-- one aggregated update per statement, whatever its size. An UPDATE trigger with transition tables cannot be limited
-- to some columns, so it fires on every update of customers and keeps only the rows whose plan or trial changed.
DROP TRIGGER customers_counters_status_change ON customers;--> statement-breakpoint
DROP FUNCTION partner_counters_status_change();--> statement-breakpoint
CREATE FUNCTION partner_counters_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partner_counters pc
     SET trials = pc.trials + d.trials, free_without_trial = pc.free_without_trial + d.free
    FROM (SELECT n.partner_id,
                 sum((n.trial_ends_at IS NOT NULL)::int - (o.trial_ends_at IS NOT NULL)::int) AS trials,
                 sum((n.trial_ends_at IS NULL AND coalesce(np.is_free, false))::int
                   - (o.trial_ends_at IS NULL AND coalesce(op.is_free, false))::int) AS free
            FROM new_rows n
            JOIN old_rows o ON o.id = n.id
            LEFT JOIN plans np ON np.id = n.plan_id
            LEFT JOIN plans op ON op.id = o.plan_id
           WHERE n.plan_id IS DISTINCT FROM o.plan_id OR n.trial_ends_at IS DISTINCT FROM o.trial_ends_at
           GROUP BY n.partner_id) d
   WHERE pc.partner_id = d.partner_id AND (d.trials <> 0 OR d.free <> 0);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_counters_status_change AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_counters_status_change();--> statement-breakpoint
DROP TRIGGER customers_trial_days_change ON customers;--> statement-breakpoint
DROP FUNCTION trial_end_days_change();--> statement-breakpoint
CREATE FUNCTION trial_end_days_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO partner_trial_end_days AS t (partner_id, day, customers)
  SELECT partner_id, day, sum(delta)::int
    FROM (SELECT o.partner_id, (o.trial_ends_at AT TIME ZONE 'UTC')::date AS day, -1 AS delta
            FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE o.trial_ends_at IS NOT NULL AND o.trial_ends_at IS DISTINCT FROM n.trial_ends_at
          UNION ALL
          SELECT n.partner_id, (n.trial_ends_at AT TIME ZONE 'UTC')::date, 1
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.trial_ends_at IS NOT NULL AND o.trial_ends_at IS DISTINCT FROM n.trial_ends_at) changes
   GROUP BY partner_id, day
  HAVING sum(delta) <> 0
  ON CONFLICT (partner_id, day) DO UPDATE SET customers = t.customers + excluded.customers;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_trial_days_change AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION trial_end_days_change();
