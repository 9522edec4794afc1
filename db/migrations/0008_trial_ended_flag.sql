DROP INDEX "customers_partner_trial_idx";--> statement-breakpoint
DROP INDEX "customers_trials_name_idx";--> statement-breakpoint
DROP INDEX "customers_trials_created_idx";--> statement-breakpoint
DROP INDEX "customers_trials_tasks_idx";--> statement-breakpoint
DROP INDEX "customers_trials_connections_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "trial_ended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The flag is a hint for the Customers table's indexes (db/schema.ts): it is set when a trial end is written and
-- by the periodic job of lib/customers/trial-ended.ts; queries re-check trial_ends_at against the application's clock.
UPDATE "customers" SET "trial_ended" = true WHERE "trial_ends_at" <= now();--> statement-breakpoint
CREATE FUNCTION customers_set_trial_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.trial_ended := NEW.trial_ends_at IS NOT NULL AND NEW.trial_ends_at <= now();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_trial_ended_on_insert BEFORE INSERT ON "customers"
  FOR EACH ROW EXECUTE FUNCTION customers_set_trial_ended();--> statement-breakpoint
CREATE TRIGGER customers_trial_ended_on_update BEFORE UPDATE OF "trial_ends_at" ON "customers"
  FOR EACH ROW EXECUTE FUNCTION customers_set_trial_ended();--> statement-breakpoint
CREATE INDEX "customers_trials_running_name_idx" ON "customers" USING btree ("partner_id",lower("name"),"id") WHERE "customers"."trial_ends_at" is not null and not "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_running_created_idx" ON "customers" USING btree ("partner_id","created_at","id") WHERE "customers"."trial_ends_at" is not null and not "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_running_tasks_idx" ON "customers" USING btree ("partner_id","tasks_used","id") WHERE "customers"."trial_ends_at" is not null and not "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_running_connections_idx" ON "customers" USING btree ("partner_id","authenticated_connections","id") WHERE "customers"."trial_ends_at" is not null and not "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_running_end_idx" ON "customers" USING btree ("partner_id","trial_ends_at") WHERE "customers"."trial_ends_at" is not null and not "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_ended_name_idx" ON "customers" USING btree ("partner_id",lower("name"),"id") WHERE "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_ended_created_idx" ON "customers" USING btree ("partner_id","created_at","id") WHERE "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_ended_tasks_idx" ON "customers" USING btree ("partner_id","tasks_used","id") WHERE "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_ended_connections_idx" ON "customers" USING btree ("partner_id","authenticated_connections","id") WHERE "customers"."trial_ended";--> statement-breakpoint
CREATE INDEX "customers_trials_ended_end_idx" ON "customers" USING btree ("partner_id","trial_ends_at") WHERE "customers"."trial_ended";
