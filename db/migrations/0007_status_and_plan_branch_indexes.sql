DROP INDEX "customers_partner_plan_idx";--> statement-breakpoint
CREATE INDEX "customers_trials_name_idx" ON "customers" USING btree ("partner_id",lower("name"),"id") WHERE "customers"."trial_ends_at" is not null;--> statement-breakpoint
CREATE INDEX "customers_trials_created_idx" ON "customers" USING btree ("partner_id","created_at","id") WHERE "customers"."trial_ends_at" is not null;--> statement-breakpoint
CREATE INDEX "customers_trials_tasks_idx" ON "customers" USING btree ("partner_id","tasks_used","id") WHERE "customers"."trial_ends_at" is not null;--> statement-breakpoint
CREATE INDEX "customers_trials_connections_idx" ON "customers" USING btree ("partner_id","authenticated_connections","id") WHERE "customers"."trial_ends_at" is not null;--> statement-breakpoint
CREATE INDEX "customers_plan_name_idx" ON "customers" USING btree ("partner_id","plan_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "customers_plan_created_idx" ON "customers" USING btree ("partner_id","plan_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_plan_tasks_idx" ON "customers" USING btree ("partner_id","plan_id","tasks_used","id");--> statement-breakpoint
CREATE INDEX "customers_plan_connections_idx" ON "customers" USING btree ("partner_id","plan_id","authenticated_connections","id");