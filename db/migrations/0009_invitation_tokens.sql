ALTER TABLE "customer_invitations" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "customer_invitations" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_invitations_token_hash_key" ON "customer_invitations" USING btree ("token_hash");