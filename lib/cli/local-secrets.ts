import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { generateKeySpec } from "@/lib/crypto/secrets";

type LocalSecrets = { AUTH_SECRET: string; ENCRYPTION_KEYS: string };

/**
 * Secrets for a machine that has none configured: generated once into .data/ (gitignored, mode
 * 600) so sessions and encrypted credentials survive restarts. Production sets them in the env.
 */
export function loadOrCreateLocalSecrets(file = ".data/secrets.json"): LocalSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEYS: generateKeySpec("local") };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
