import "server-only";
import type { Database } from "@/db";
import type { WallexConnection } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { decryptSecret } from "@/lib/crypto";
import { getWallexConnectionRow } from "@/lib/data/wallex-connections";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { baseUrlProblem } from "./base-url-policy";
import { createWallexClient, type WallexClient } from "./client";
import type { TokenStore } from "./client/token-store";
import { embeddedSandboxBaseUrl } from "./demo";
import { createDbCallLogger } from "./runtime/db-call-logger";
import { createPgRateLimiter } from "./runtime/pg-rate-limiter";
import { createPgTokenStore } from "./runtime/pg-token-store";

/** Calls to the app's own embedded sandbox stay in the process instead of looping through HTTP. */
const embeddedFetch = async (input: string, init: RequestInit) => {
  // Loaded on first use: importing the client must not load the whole simulator.
  const { getEmbeddedSandbox } = await import("./embedded-sandbox");
  return (await getEmbeddedSandbox()).fetch(new Request(input, init));
};

/**
 * The one way to Wallex for a partner: its stored (decrypted) credentials, with the token cache,
 * rate limiter and call log shared by every process through PostgreSQL, all bound to the scope.
 */
export async function wallexClientFor(db: Database, scope: TenantScope): Promise<WallexClient> {
  const connection = await getWallexConnectionRow(db, scope);
  if (!connection) {
    throw new AppError("CONFLICT", {
      userMessage: "This partner is not connected to Wallex yet. An admin can add the credentials in Settings.",
    });
  }
  return wallexClientForConnection(db, scope, connection);
}

type Connection = Pick<
  WallexConnection,
  "baseUrl" | "kind" | "secretsOrigin" | "apiKey" | "accessKeyId" | "secretAccessKey" | "requestsPerSecond"
>;

/**
 * A client for a connection row in hand (the Settings save registers the webhook with the
 * connection it is about to store). `tokenStore` replaces the shared one, so a token for
 * credentials not stored yet never reaches other processes.
 */
export async function wallexClientForConnection(
  db: Database,
  scope: TenantScope,
  connection: Connection,
  opts: { tokenStore?: TokenStore } = {},
): Promise<WallexClient> {
  const embedded = connection.kind === "embedded_sandbox";
  if (embedded && !embeddedSandboxEnabled()) {
    throw new AppError("CONFLICT", {
      userMessage:
        "This partner uses the embedded sandbox, which this deployment does not serve. Point it at Wallex in Settings.",
    });
  }
  // Secrets go only to the host they were saved for, whatever else changed the row. An embedded
  // sandbox identity's secrets belong to this process's sandbox, called in-process at its current
  // address (APP_URL may have changed since the row was written), so they never leave the process.
  if (!embedded && originOf(connection.baseUrl) !== connection.secretsOrigin) {
    throw new AppError("CONFLICT", {
      userMessage: "The Wallex credentials were saved for another host. Re-enter them in Settings.",
    });
  }
  // Checked again at use: a host that was public when saved may point inward now.
  const problem = embedded ? null : await baseUrlProblem(connection.baseUrl);
  if (problem) throw new AppError("CONFLICT", { userMessage: `Wallex is not called at this base URL: ${problem}` });
  return createWallexClient({
    baseUrl: embedded ? embeddedSandboxBaseUrl(env().APP_URL) : connection.baseUrl,
    apiKey: decryptSecret(connection.apiKey),
    accessKeyId: decryptSecret(connection.accessKeyId),
    secretAccessKey: decryptSecret(connection.secretAccessKey),
    tenant: scope.partnerId,
    maxRequestsPerSecond: connection.requestsPerSecond,
    tokenStore: opts.tokenStore ?? createPgTokenStore(db, scope),
    rateLimiter: createPgRateLimiter(db),
    logger: createDbCallLogger(db, scope),
    ...(embedded ? { fetch: embeddedFetch } : {}),
  });
}

function originOf(url: string) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
