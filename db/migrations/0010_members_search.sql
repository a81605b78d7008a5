-- The members list search (db/schema/members.ts memberSearchText) reads a trigram index. pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database owner may create it; PGlite loads it in db/embedded.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "members_search" ON "members" USING gin (lower("first_name" || ' ' || "last_name" || chr(1) || "last_name" || ' ' || "first_name" || chr(1) || coalesce("company_name", '') || chr(1) || "email") gin_trgm_ops);