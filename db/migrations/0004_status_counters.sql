-- The Customers tab's unfiltered counts come from maintained counters, never from counting a million rows:
-- customers, customers with a trial date (running or ended) and customers on Free with no trial date. With the
-- clock and one index range count of running trials, they give every status count exactly (decision D2).

CREATE OR REPLACE FUNCTION partner_counters_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_counters AS pc (partner_id, customers, trials, free_without_trial)
      SELECT r.partner_id, count(*),
             count(*) FILTER (WHERE r.trial_ends_at IS NOT NULL),
             count(*) FILTER (WHERE r.trial_ends_at IS NULL AND p.is_free)
        FROM new_rows r JOIN plans p ON p.id = r.plan_id
       GROUP BY r.partner_id
    ON CONFLICT (partner_id) DO UPDATE
      SET customers = pc.customers + excluded.customers,
          trials = pc.trials + excluded.trials,
          free_without_trial = pc.free_without_trial + excluded.free_without_trial;
  ELSE
    UPDATE partner_counters pc
       SET customers = pc.customers - d.n, trials = pc.trials - d.trials, free_without_trial = pc.free_without_trial - d.free
      FROM (SELECT r.partner_id, count(*) AS n,
                   count(*) FILTER (WHERE r.trial_ends_at IS NOT NULL) AS trials,
                   count(*) FILTER (WHERE r.trial_ends_at IS NULL AND p.is_free) AS free
              FROM old_rows r LEFT JOIN plans p ON p.id = r.plan_id
             GROUP BY r.partner_id) d
     WHERE pc.partner_id = d.partner_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

-- A change of plan or trial moves a customer between counters. Row-level, because PostgreSQL allows no
-- transition tables on a trigger limited to some columns, and such changes come one customer at a time.
CREATE FUNCTION partner_counters_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_free boolean := (OLD.trial_ends_at IS NULL AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id AND is_free));
  new_free boolean := (NEW.trial_ends_at IS NULL AND EXISTS (SELECT 1 FROM plans WHERE id = NEW.plan_id AND is_free));
BEGIN
  UPDATE partner_counters
     SET trials = trials + (NEW.trial_ends_at IS NOT NULL)::int - (OLD.trial_ends_at IS NOT NULL)::int,
         free_without_trial = free_without_trial + new_free::int - old_free::int
   WHERE partner_id = NEW.partner_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_counters_status_change AFTER UPDATE OF plan_id, trial_ends_at ON customers
  FOR EACH ROW WHEN (OLD.plan_id IS DISTINCT FROM NEW.plan_id OR OLD.trial_ends_at IS DISTINCT FROM NEW.trial_ends_at)
  EXECUTE FUNCTION partner_counters_status_change();
--> statement-breakpoint

UPDATE partner_counters pc
   SET customers = d.n, trials = d.trials, free_without_trial = d.free
  FROM (SELECT c.partner_id, count(*) AS n,
               count(*) FILTER (WHERE c.trial_ends_at IS NOT NULL) AS trials,
               count(*) FILTER (WHERE c.trial_ends_at IS NULL AND p.is_free) AS free
          FROM customers c JOIN plans p ON p.id = c.plan_id GROUP BY c.partner_id) d
 WHERE pc.partner_id = d.partner_id;
