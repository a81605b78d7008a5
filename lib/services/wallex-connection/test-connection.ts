import "server-only";
import type { Database } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import {
  WallexAuthenticationError,
  WallexConnectionError,
  WallexError,
  WallexPermissionError,
  WallexUnknownOutcomeError,
} from "@/lib/wallex/client/errors";
import { wallexClientFor } from "@/lib/wallex/partner-client";

export type ConnectionCheck = { latencyMs: number; currencies: number };

/** Authenticates and makes one harmless read, and says in plain words what went wrong if it fails. */
export async function testWallexConnection(db: Database, scope: StaffScope): Promise<ConnectionCheck> {
  const client = await wallexClientFor(db, scope);
  const started = performance.now();
  try {
    const currencies = await client.currencies.list();
    return { latencyMs: Math.round(performance.now() - started), currencies: listLength(currencies) };
  } catch (error) {
    throw new AppError("PROVIDER_ERROR", { userMessage: explain(error), cause: error });
  }
}

function listLength(value: unknown) {
  if (Array.isArray(value)) return value.length;
  const data = (value as { data?: unknown })?.data;
  return Array.isArray(data) ? data.length : 0;
}

function explain(error: unknown) {
  if (error instanceof WallexPermissionError) return "Wallex refused the API key (403). Check the X-Api-Key value.";
  if (error instanceof WallexAuthenticationError) return "Wallex refused the access key ID or secret access key (401).";
  if (error instanceof WallexConnectionError || error instanceof WallexUnknownOutcomeError) {
    return "Wallex could not be reached at this base URL. Check the address and the network.";
  }
  if (error instanceof WallexError) return `Wallex answered with an error: ${error.message}`;
  return "The connection test failed unexpectedly.";
}
