ALTER TABLE "wallex_connections" ADD COLUMN "kind" text DEFAULT 'wallex' NOT NULL;--> statement-breakpoint
ALTER TABLE "wallex_connections" ADD COLUMN "secrets_origin" text;--> statement-breakpoint
-- Existing secrets were saved for the host they point at now; rows on the embedded mount are marked.
UPDATE "wallex_connections" SET "secrets_origin" = lower(substring("base_url" from '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+')),
  "kind" = CASE WHEN "base_url" ~ '/api/wallex-sandbox/?$' THEN 'embedded_sandbox' ELSE 'wallex' END;--> statement-breakpoint
ALTER TABLE "wallex_connections" ALTER COLUMN "secrets_origin" SET NOT NULL;
