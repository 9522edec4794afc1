CREATE TABLE "partner_trial_end_days" (
	"partner_id" integer NOT NULL,
	"day" date NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partner_trial_end_days_partner_id_day_pk" PRIMARY KEY("partner_id","day")
);
--> statement-breakpoint
ALTER TABLE "partner_trial_end_days" ADD CONSTRAINT "partner_trial_end_days_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;