-- Roll-ups kept by the database itself, so that every write path (console, workspace, API, seed) keeps them
-- right and no list ever aggregates jobs or connections at read time. Statement-level triggers with transition
-- tables, so that a bulk insert costs one UPDATE, not one per row.

CREATE FUNCTION partner_counters_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_counters AS pc (partner_id, customers)
      SELECT partner_id, count(*) FROM new_rows GROUP BY partner_id
    ON CONFLICT (partner_id) DO UPDATE SET customers = pc.customers + excluded.customers;
  ELSE
    UPDATE partner_counters pc SET customers = pc.customers - d.n
      FROM (SELECT partner_id, count(*) AS n FROM old_rows GROUP BY partner_id) d
     WHERE pc.partner_id = d.partner_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_counters_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_counters_rollup();
--> statement-breakpoint
CREATE TRIGGER customers_counters_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_counters_rollup();
--> statement-breakpoint

CREATE FUNCTION customers_connections_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE customers c SET authenticated_connections = c.authenticated_connections + d.n
      FROM (SELECT customer_id, count(*) AS n FROM new_rows WHERE authenticated GROUP BY customer_id) d
     WHERE c.id = d.customer_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE customers c SET authenticated_connections = greatest(c.authenticated_connections - d.n, 0)
      FROM (SELECT customer_id, count(*) AS n FROM old_rows WHERE authenticated GROUP BY customer_id) d
     WHERE c.id = d.customer_id;
  ELSE
    UPDATE customers c SET authenticated_connections = greatest(c.authenticated_connections + d.n, 0)
      FROM (SELECT customer_id, sum(n) AS n FROM (
              SELECT customer_id, 1 AS n FROM new_rows WHERE authenticated
              UNION ALL
              SELECT customer_id, -1 FROM old_rows WHERE authenticated) x
            GROUP BY customer_id HAVING sum(n) <> 0) d
     WHERE c.id = d.customer_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER connections_rollup_insert AFTER INSERT ON connections
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_connections_rollup();
--> statement-breakpoint
CREATE TRIGGER connections_rollup_delete AFTER DELETE ON connections
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_connections_rollup();
--> statement-breakpoint
CREATE TRIGGER connections_rollup_update AFTER UPDATE ON connections
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_connections_rollup();
--> statement-breakpoint

-- Tasks used in the billing period (a calendar month, UTC). A job of a later month starts a new period; a job
-- of an earlier one is history and does not touch the current figure.
CREATE FUNCTION customers_usage_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers c
     SET tasks_used = CASE WHEN c.usage_period = d.period THEN c.tasks_used + d.n ELSE d.n END,
         usage_period = d.period
    FROM (SELECT DISTINCT ON (customer_id) customer_id, period, n
            FROM (SELECT customer_id, date_trunc('month', started_at AT TIME ZONE 'UTC')::date AS period,
                         sum(tasks_used)::int AS n
                    FROM new_rows GROUP BY 1, 2) p
           ORDER BY customer_id, period DESC) d
   WHERE c.id = d.customer_id AND d.period >= c.usage_period;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER jobs_usage_rollup AFTER INSERT ON jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_usage_rollup();
--> statement-breakpoint

-- The audit log is append-only: the database refuses to change or remove an event.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint

-- System roles exist on every database. Admin has ID 2, as in the API documentation's samples.
INSERT INTO roles (id, partner_id, customer_id, name, kind, permissions) VALUES
  (1, NULL, NULL, 'Analyst',  'system', '{workspace.view}'),
  (2, NULL, NULL, 'Admin',    'system', '{workspace.view,recipes.edit,recipes.run,connections.manage,collaborators.manage}'),
  (3, NULL, NULL, 'Operator', 'system', '{workspace.view,recipes.run}');
--> statement-breakpoint
ALTER TABLE roles ALTER COLUMN id RESTART WITH 100;
--> statement-breakpoint
INSERT INTO environment_roles (id, partner_id, customer_id, name, kind, permissions) VALUES
  (1, NULL, NULL, 'Environment admin',   'system', '{environment.admin,projects.manage,collaborators.manage}'),
  (2, NULL, NULL, 'Environment manager', 'system', '{projects.manage}'),
  (3, NULL, NULL, 'Member',              'system', '{}');
--> statement-breakpoint
ALTER TABLE environment_roles ALTER COLUMN id RESTART WITH 100;
--> statement-breakpoint
INSERT INTO project_roles (id, partner_id, customer_id, name, kind, permissions) VALUES
  (1, NULL, NULL, 'Project operator', 'system', '{project.view,recipes.run}'),
  (2, NULL, NULL, 'Builder',          'system', '{project.view,recipes.run,recipes.edit}'),
  (3, NULL, NULL, 'Advanced builder', 'system', '{project.view,recipes.run,recipes.edit,connections.manage}'),
  (4, NULL, NULL, 'Project admin',    'system', '{project.view,recipes.run,recipes.edit,connections.manage,project.admin}');
--> statement-breakpoint
ALTER TABLE project_roles ALTER COLUMN id RESTART WITH 100;
