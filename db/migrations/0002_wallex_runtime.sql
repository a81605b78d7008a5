CREATE TYPE "public"."webhook_outcome" AS ENUM('received', 'processed', 'failed', 'rejected');--> statement-breakpoint
CREATE TABLE "wallex_api_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"method" text NOT NULL,
	"path_template" text NOT NULL,
	"path" text NOT NULL,
	"status" integer,
	"duration_ms" integer NOT NULL,
	"request_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"error_kind" text,
	"will_retry" boolean DEFAULT false NOT NULL,
	"on_behalf_of" jsonb,
	"query" jsonb,
	"request_body" jsonb,
	"error_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_rate_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"grants" bigint[] DEFAULT '{}'::bigint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_tokens" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"resource" text,
	"resource_id" text,
	"status" text,
	"account_id" text,
	"payload" jsonb,
	"raw_body" text NOT NULL,
	"outcome" "webhook_outcome" NOT NULL,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "wallex_connections" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "wallex_connections" ADD COLUMN "webhook_registered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "wallex_api_calls" ADD CONSTRAINT "wallex_api_calls_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_tokens" ADD CONSTRAINT "wallex_tokens_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallex_api_calls_partner_created" ON "wallex_api_calls" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "wallex_api_calls_request" ON "wallex_api_calls" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "webhook_events_partner_received" ON "webhook_events" USING btree ("partner_id","received_at");--> statement-breakpoint
CREATE INDEX "webhook_events_partner_resource" ON "webhook_events" USING btree ("partner_id","resource","resource_id");--> statement-breakpoint
CREATE INDEX "webhook_events_outcome" ON "webhook_events" USING btree ("outcome");