CREATE TYPE "public"."member_account_type" AS ENUM('individual', 'company');--> statement-breakpoint
CREATE TYPE "public"."member_comment_source" AS ENUM('wallex', 'reviewer');--> statement-breakpoint
CREATE TYPE "public"."member_locale" AS ENUM('en', 'id');--> statement-breakpoint
CREATE TYPE "public"."member_signup_kind" AS ENUM('full', 'lite_company', 'lite_individual');--> statement-breakpoint
CREATE TYPE "public"."member_stage" AS ENUM('invited', 'in_progress', 'in_partner_review', 'changes_requested', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."onboarding_step" AS ENUM('personal', 'company', 'due_diligence', 'documents');--> statement-breakpoint
CREATE TABLE "member_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"source" "member_comment_source" NOT NULL,
	"field" text,
	"document_id" text,
	"body" text NOT NULL,
	"member_visible" boolean NOT NULL,
	"author_membership_id" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"step" "onboarding_step" NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"saved_to_wallex_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_drafts_member_step" UNIQUE("member_id","step")
);
--> statement-breakpoint
CREATE TABLE "member_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_membership_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"wallex_user_id" text,
	"wallex_account_id" text,
	"account_type" "member_account_type" NOT NULL,
	"signup_kind" "member_signup_kind" NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"company_name" text,
	"country_code" text NOT NULL,
	"locale" "member_locale" DEFAULT 'en' NOT NULL,
	"stage" "member_stage" DEFAULT 'invited' NOT NULL,
	"wallex_status" text,
	"wallex_reason" text,
	"missing_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_membership_id" uuid,
	"submitted_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_hash" text,
	"totp_secret" text,
	"pending_totp_secret" text,
	"totp_last_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_partner_id_id" UNIQUE("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "reference_lists" (
	"partner_id" uuid NOT NULL,
	"list" text NOT NULL,
	"items" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "member_review_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "member_signup_kinds" text[] DEFAULT '{full}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "member_comments" ADD CONSTRAINT "member_comments_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_comments" ADD CONSTRAINT "member_comments_same_partner_member" FOREIGN KEY ("partner_id","member_id") REFERENCES "public"."members"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_drafts" ADD CONSTRAINT "member_drafts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_drafts" ADD CONSTRAINT "member_drafts_same_partner_member" FOREIGN KEY ("partner_id","member_id") REFERENCES "public"."members"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invitations" ADD CONSTRAINT "member_invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_invitations" ADD CONSTRAINT "member_invitations_same_partner_member" FOREIGN KEY ("partner_id","member_id") REFERENCES "public"."members"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_sessions" ADD CONSTRAINT "member_sessions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_sessions" ADD CONSTRAINT "member_sessions_same_partner_member" FOREIGN KEY ("partner_id","member_id") REFERENCES "public"."members"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_creator_same_partner" FOREIGN KEY ("partner_id","created_by_membership_id") REFERENCES "public"."staff_memberships"("partner_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_lists" ADD CONSTRAINT "reference_lists_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_comments_member" ON "member_comments" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_invitations_token_hash" ON "member_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "member_invitations_one_open" ON "member_invitations" USING btree ("member_id") WHERE "member_invitations"."accepted_at" is null and "member_invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "member_sessions_member" ON "member_sessions" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_partner_email" ON "members" USING btree ("partner_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "members_partner_wallex_user" ON "members" USING btree ("partner_id","wallex_user_id");--> statement-breakpoint
CREATE INDEX "members_partner_stage" ON "members" USING btree ("partner_id","stage");--> statement-breakpoint
CREATE INDEX "members_partner_created" ON "members" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "members_partner_activity" ON "members" USING btree ("partner_id","last_activity_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_lists_partner_list" ON "reference_lists" USING btree ("partner_id","list");