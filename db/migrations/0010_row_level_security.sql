-- Row-level security: a second wall behind the data-access layer (issue #7). Every table that carries partner_id
-- answers only the rows of the partner set for the transaction (app.partner_id, set by lib/context.ts), for the
-- role the application's partner-scoped transactions run as. The tables FORCE it, so their owner is held to it too;
-- only a superuser or a BYPASSRLS role (the one that runs migrations, sign-in and the jobs: lib/db/index.ts) is not.

-- The role is cluster-wide, and test runs migrate several databases at once: create it unless it exists.
DO $$
BEGIN
  CREATE ROLE partner_console_app NOLOGIN NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;--> statement-breakpoint
-- The migrating role switches into it (SET ROLE) and must be a member; a superuser already is.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'partner_console_app', 'MEMBER') THEN
    EXECUTE format('GRANT partner_console_app TO %I', current_user);
  END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO partner_console_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO partner_console_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO partner_console_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO partner_console_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO partner_console_app;--> statement-breakpoint
-- The audit log is append-only for the application as well as by its triggers.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM partner_console_app;--> statement-breakpoint

-- The partner of the transaction, or null when none is set (then every policy below matches nothing).
CREATE FUNCTION app_partner_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('app.partner_id', true), '')::integer
$$;--> statement-breakpoint

-- One policy per partner table, the same for reading and writing. Roles with no partner are the system roles every
-- partner shares: readable by all, written by migrations only.
DO $$
DECLARE
  partner_table record;
BEGIN
  FOR partner_table IN
    SELECT c.relname, a.attnotnull
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'partner_id' AND NOT a.attisdropped
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', partner_table.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', partner_table.relname);
    IF partner_table.attnotnull THEN
      EXECUTE format('CREATE POLICY partner_isolation ON %I USING (partner_id = app_partner_id())', partner_table.relname);
    ELSE
      EXECUTE format(
        'CREATE POLICY partner_isolation ON %I USING (partner_id IS NULL OR partner_id = app_partner_id()) '
        'WITH CHECK (partner_id = app_partner_id())', partner_table.relname);
    END IF;
  END LOOP;
END $$;--> statement-breakpoint

-- The partner row itself: only the partner of the transaction.
ALTER TABLE partners ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE partners FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY partner_isolation ON partners USING (id = app_partner_id());--> statement-breakpoint

-- Under RLS, a condition may run before the policy only if its functions are LEAKPROOF (they reveal nothing of a row
-- they reject). textlike and lower(text) are not marked so, though neither raises an error that depends on the row
-- (a LIKE error depends on the pattern only): without the mark a search could not read the trigram index, nor a
-- deep page sorted by name its lower(name) index, and both would scan every customer of the partner (100 ms to
-- 1.7 s at a million). Marking them needs a superuser; another owner gets the same rows, walled the same way, and a
-- notice that searches and name-sorted deep pages will be slow (README, Security).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;
    ALTER FUNCTION pg_catalog.lower(text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: textlike and lower(text) stay non-leakproof; searches and name-sorted deep pages will scan.';
  END IF;
END $$;
