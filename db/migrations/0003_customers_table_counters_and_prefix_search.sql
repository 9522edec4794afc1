ALTER TABLE "partner_counters" ADD COLUMN "trials" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_counters" ADD COLUMN "free_without_trial" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_search_prefix_idx" ON "customers" USING btree ("partner_id","search_text" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_external_id_prefix_idx" ON "customers" USING btree ("partner_id",lower("external_id") text_pattern_ops);