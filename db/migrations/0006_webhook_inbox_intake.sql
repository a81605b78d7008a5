DROP INDEX "webhook_events_outcome";--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "raw_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "body" "bytea";--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "body_size" integer;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "body_sha256" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "source_ip" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "webhook_events_outcome_received" ON "webhook_events" USING btree ("outcome","received_at");--> statement-breakpoint
CREATE INDEX "webhook_events_waiting" ON "webhook_events" USING btree ("partner_id","received_at") WHERE "webhook_events"."outcome" in ('received', 'failed');