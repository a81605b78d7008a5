import { inject } from "vitest";
import { generateKeySpec } from "@/lib/crypto/secrets";

// The app reads its configuration through lib/env.ts; tests give it a database and throwaway keys.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENCRYPTION_KEYS ??= generateKeySpec("test");
process.env.AUTH_SECRET ??= "test-auth-secret-test-auth-secret-0123456789";
process.env.LOG_LEVEL = "silent";
delete process.env.SMTP_URL;
