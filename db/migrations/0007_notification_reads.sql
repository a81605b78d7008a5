CREATE TABLE "notification_reads" (
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_up_to" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "notification_reads_pkey" PRIMARY KEY("partner_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_member" FOREIGN KEY ("partner_id","user_id") REFERENCES "public"."staff_memberships"("partner_id","user_id") ON DELETE cascade ON UPDATE no action;