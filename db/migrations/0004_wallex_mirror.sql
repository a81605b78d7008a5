CREATE TYPE "public"."wallex_intent_state" AS ENUM('pending', 'succeeded', 'failed', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."timeline_source" AS ENUM('write', 'webhook', 'reconcile');--> statement-breakpoint
CREATE TABLE "wallex_balance_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_balances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_collection_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_collection_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_deductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_fundings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_intents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"operation" text NOT NULL,
	"account_id" text,
	"request" jsonb NOT NULL,
	"state" "wallex_intent_state" DEFAULT 'pending' NOT NULL,
	"wallex_id" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"status" text,
	"previous_status" text,
	"source" timeline_source NOT NULL,
	"webhook_event_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallex_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_id" text NOT NULL,
	"account_id" text,
	"parent_id" text,
	"status" text,
	"previous_status" text,
	"currency" text,
	"amount" numeric,
	"reference" text,
	"data" jsonb NOT NULL,
	"wallex_created_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wallex_connections" ADD COLUMN "requests_per_second" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "wallex_balance_history" ADD CONSTRAINT "wallex_balance_history_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_balances" ADD CONSTRAINT "wallex_balances_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_beneficiaries" ADD CONSTRAINT "wallex_beneficiaries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_collection_accounts" ADD CONSTRAINT "wallex_collection_accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_collection_requests" ADD CONSTRAINT "wallex_collection_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_collections" ADD CONSTRAINT "wallex_collections_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_conversions" ADD CONSTRAINT "wallex_conversions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_deductions" ADD CONSTRAINT "wallex_deductions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_documents" ADD CONSTRAINT "wallex_documents_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_fundings" ADD CONSTRAINT "wallex_fundings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_intents" ADD CONSTRAINT "wallex_intents_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_payments" ADD CONSTRAINT "wallex_payments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_quotes" ADD CONSTRAINT "wallex_quotes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_timeline" ADD CONSTRAINT "wallex_timeline_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_timeline" ADD CONSTRAINT "wallex_timeline_webhook_event_id_webhook_events_id_fk" FOREIGN KEY ("webhook_event_id") REFERENCES "public"."webhook_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_transfers" ADD CONSTRAINT "wallex_transfers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallex_users" ADD CONSTRAINT "wallex_users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_balance_history_partner_wallex_id" ON "wallex_balance_history" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_balance_history_partner_status" ON "wallex_balance_history" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_balance_history_partner_account" ON "wallex_balance_history" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_balance_history_partner_created" ON "wallex_balance_history" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_balances_partner_wallex_id" ON "wallex_balances" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_balances_partner_status" ON "wallex_balances" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_balances_partner_account" ON "wallex_balances" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_balances_partner_created" ON "wallex_balances" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_beneficiaries_partner_wallex_id" ON "wallex_beneficiaries" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_beneficiaries_partner_status" ON "wallex_beneficiaries" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_beneficiaries_partner_account" ON "wallex_beneficiaries" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_beneficiaries_partner_created" ON "wallex_beneficiaries" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_collection_accounts_partner_wallex_id" ON "wallex_collection_accounts" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_collection_accounts_partner_status" ON "wallex_collection_accounts" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_collection_accounts_partner_account" ON "wallex_collection_accounts" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_collection_accounts_partner_created" ON "wallex_collection_accounts" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_collection_requests_partner_wallex_id" ON "wallex_collection_requests" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_collection_requests_partner_status" ON "wallex_collection_requests" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_collection_requests_partner_account" ON "wallex_collection_requests" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_collection_requests_partner_created" ON "wallex_collection_requests" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_collections_partner_wallex_id" ON "wallex_collections" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_collections_partner_status" ON "wallex_collections" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_collections_partner_account" ON "wallex_collections" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_collections_partner_created" ON "wallex_collections" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_conversions_partner_wallex_id" ON "wallex_conversions" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_conversions_partner_status" ON "wallex_conversions" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_conversions_partner_account" ON "wallex_conversions" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_conversions_partner_created" ON "wallex_conversions" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_deductions_partner_wallex_id" ON "wallex_deductions" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_deductions_partner_status" ON "wallex_deductions" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_deductions_partner_account" ON "wallex_deductions" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_deductions_partner_created" ON "wallex_deductions" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_documents_partner_wallex_id" ON "wallex_documents" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_documents_partner_status" ON "wallex_documents" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_documents_partner_account" ON "wallex_documents" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_documents_partner_created" ON "wallex_documents" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_fundings_partner_wallex_id" ON "wallex_fundings" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_fundings_partner_status" ON "wallex_fundings" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_fundings_partner_account" ON "wallex_fundings" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_fundings_partner_created" ON "wallex_fundings" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_intents_partner_key" ON "wallex_intents" USING btree ("partner_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "wallex_intents_open" ON "wallex_intents" USING btree ("state","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_payments_partner_wallex_id" ON "wallex_payments" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_payments_partner_status" ON "wallex_payments" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_payments_partner_account" ON "wallex_payments" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_payments_partner_created" ON "wallex_payments" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_quotes_partner_wallex_id" ON "wallex_quotes" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_quotes_partner_status" ON "wallex_quotes" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_quotes_partner_account" ON "wallex_quotes" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_quotes_partner_created" ON "wallex_quotes" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE INDEX "wallex_timeline_object" ON "wallex_timeline" USING btree ("partner_id","wallex_id","at");--> statement-breakpoint
CREATE INDEX "wallex_timeline_partner_at" ON "wallex_timeline" USING btree ("partner_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_transfers_partner_wallex_id" ON "wallex_transfers" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_transfers_partner_status" ON "wallex_transfers" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_transfers_partner_account" ON "wallex_transfers" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_transfers_partner_created" ON "wallex_transfers" USING btree ("partner_id","wallex_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallex_users_partner_wallex_id" ON "wallex_users" USING btree ("partner_id","wallex_id");--> statement-breakpoint
CREATE INDEX "wallex_users_partner_status" ON "wallex_users" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "wallex_users_partner_account" ON "wallex_users" USING btree ("partner_id","account_id");--> statement-breakpoint
CREATE INDEX "wallex_users_partner_created" ON "wallex_users" USING btree ("partner_id","wallex_created_at");