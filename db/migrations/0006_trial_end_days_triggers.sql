-- Keeps partner_trial_end_days in step with customers.trial_ends_at on every write path.

CREATE FUNCTION trial_end_days_add(p_partner integer, p_day date, p_delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO partner_trial_end_days AS t (partner_id, day, customers) VALUES (p_partner, p_day, p_delta)
  ON CONFLICT (partner_id, day) DO UPDATE SET customers = t.customers + excluded.customers;
$$;
--> statement-breakpoint

CREATE FUNCTION trial_end_days_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_trial_end_days AS t (partner_id, day, customers)
      SELECT partner_id, (trial_ends_at AT TIME ZONE 'UTC')::date, count(*) FROM new_rows
       WHERE trial_ends_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (partner_id, day) DO UPDATE SET customers = t.customers + excluded.customers;
  ELSE
    UPDATE partner_trial_end_days t SET customers = t.customers - d.n
      FROM (SELECT partner_id, (trial_ends_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM old_rows
             WHERE trial_ends_at IS NOT NULL GROUP BY 1, 2) d
     WHERE t.partner_id = d.partner_id AND t.day = d.day;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_trial_days_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trial_end_days_rollup();
--> statement-breakpoint
CREATE TRIGGER customers_trial_days_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION trial_end_days_rollup();
--> statement-breakpoint

CREATE FUNCTION trial_end_days_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.trial_ends_at IS NOT NULL THEN
    PERFORM trial_end_days_add(OLD.partner_id, (OLD.trial_ends_at AT TIME ZONE 'UTC')::date, -1);
  END IF;
  IF NEW.trial_ends_at IS NOT NULL THEN
    PERFORM trial_end_days_add(NEW.partner_id, (NEW.trial_ends_at AT TIME ZONE 'UTC')::date, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_trial_days_change AFTER UPDATE OF trial_ends_at ON customers
  FOR EACH ROW WHEN (OLD.trial_ends_at IS DISTINCT FROM NEW.trial_ends_at)
  EXECUTE FUNCTION trial_end_days_change();
--> statement-breakpoint

INSERT INTO partner_trial_end_days (partner_id, day, customers)
SELECT partner_id, (trial_ends_at AT TIME ZONE 'UTC')::date, count(*) FROM customers
 WHERE trial_ends_at IS NOT NULL GROUP BY 1, 2;
