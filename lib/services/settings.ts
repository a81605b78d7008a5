import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners, wallexConnections, wallexTokens, type WallexConnection } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { encryptSecret, last4 } from "@/lib/crypto";
import { getPartnerOrThrow, getWallexConnectionRow } from "@/lib/data/partners";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { AppError, fieldError } from "@/lib/errors";
import { baseUrlProblem } from "@/lib/wallex/base-url-policy";
import { embeddedSandboxBaseUrl, namesEmbeddedSandbox } from "@/lib/wallex/demo";
import { connectToEmbeddedSandbox, hasEmbeddedSandboxIdentity } from "./embedded-sandbox-connection";
import type { WallexConnectionInput } from "@/lib/validations/settings";

type Profile = {
  name: string;
  legalName: string | null;
  country: string | null;
  supportEmail: string | null;
  website: string | null;
};

export async function updatePartnerProfile(db: Executor, scope: StaffScope, profile: Profile) {
  const before = await getPartnerOrThrow(db, scope);
  await db.update(partners).set(profile).where(eq(partners.id, scope.partnerId));
  const pick = ({ name, legalName, country, supportEmail, website }: Profile) => ({
    name,
    legalName,
    country,
    supportEmail,
    website,
  });
  return { before: pick(before), after: profile };
}

const secretNames = ["apiKey", "accessKeyId", "secretAccessKey"] as const;
export const NEW_HOST_NEEDS_SECRETS = "Re-enter the API key, access key ID and secret access key for the new host.";

type ConnectionInput = Omit<WallexConnectionInput, "requestsPerSecond"> & { requestsPerSecond?: number };

/**
 * Saves the connection; a blank secret keeps the stored one, but only for the host it was saved
 * for. The embedded sandbox's address (where this deployment serves it) gives the partner a
 * sandbox identity of its own instead. Audit notes name what changed, never values.
 */
export async function saveWallexConnection(db: Executor, scope: StaffScope, input: ConnectionInput) {
  const current = await getWallexConnectionRow(db, scope);
  const before = current
    ? { baseUrl: current.baseUrl, kind: current.kind, requestsPerSecond: current.requestsPerSecond }
    : null;
  if (embeddedSandboxEnabled() && meansEmbeddedSandbox(input.baseUrl, current)) {
    return { before, after: await switchToEmbeddedSandbox(db, scope, current, input.requestsPerSecond) };
  }

  const origin = new URL(input.baseUrl).origin;
  const blank = secretNames.filter((name) => !input[name]);
  if (!current && blank.length) {
    const fieldErrors = Object.fromEntries(blank.map((name) => [name, ["Required for a new connection."]]));
    throw new AppError("INVALID_INPUT", { userMessage: "Fill in every credential.", fieldErrors });
  }
  const newHost = current && (current.kind !== "wallex" || current.secretsOrigin !== origin);
  if (newHost && blank.length) throw fieldError("baseUrl", NEW_HOST_NEEDS_SECRETS);
  const problem = await baseUrlProblem(input.baseUrl);
  if (problem) throw fieldError("baseUrl", problem);

  const values = {
    baseUrl: input.baseUrl,
    kind: "wallex" as const,
    secretsOrigin: origin,
    requestsPerSecond: input.requestsPerSecond ?? current?.requestsPerSecond ?? 5,
    ...Object.fromEntries(
      secretNames.flatMap((name) =>
        input[name]
          ? [
              [name, encryptSecret(input[name])],
              [`${name}Last4`, last4(input[name])],
            ]
          : [],
      ),
    ),
  };
  if (current) {
    await db.update(wallexConnections).set(values).where(eq(wallexConnections.partnerId, scope.partnerId));
  } else {
    await db
      .insert(wallexConnections)
      .values({ ...(values as typeof wallexConnections.$inferInsert), partnerId: scope.partnerId });
  }
  // A token issued for the old credentials or host must not be reused.
  await db.delete(wallexTokens).where(eq(wallexTokens.partnerId, scope.partnerId));
  return {
    before,
    after: {
      baseUrl: input.baseUrl,
      kind: values.kind,
      requestsPerSecond: values.requestsPerSecond,
      credentialsChanged: secretNames.filter((name) => input[name]),
    },
  };
}

/** Keeps a working sandbox identity (only the rate changes); otherwise provisions one. */
async function switchToEmbeddedSandbox(
  db: Executor,
  scope: StaffScope,
  current: WallexConnection | null,
  requestsPerSecond?: number,
) {
  const kept = current?.kind === "embedded_sandbox" && (await hasEmbeddedSandboxIdentity(scope.partnerId));
  if (kept) {
    const rate = requestsPerSecond ?? current.requestsPerSecond;
    const baseUrl = embeddedSandboxBaseUrl(env().APP_URL);
    await db
      .update(wallexConnections)
      .set({ requestsPerSecond: rate, baseUrl, secretsOrigin: new URL(baseUrl).origin })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    return { baseUrl, kind: "embedded_sandbox", requestsPerSecond: rate, credentialsChanged: [] };
  }
  const saved = await connectToEmbeddedSandbox(
    db,
    { id: scope.partnerId, name: scope.partnerName },
    { requestsPerSecond },
  );
  return { ...saved, kind: "embedded_sandbox", credentialsChanged: [...secretNames] };
}

/**
 * The embedded sandbox is chosen by its address where this deployment serves it now (however the
 * loopback host is spelt), or by the address shown for a tenant already on it: the row's kind is
 * the marker, its stored address may be from an older APP_URL, and re-saving the form keeps it.
 */
function meansEmbeddedSandbox(baseUrl: string, current: WallexConnection | null) {
  if (namesEmbeddedSandbox(baseUrl, env().APP_URL)) return true;
  return current?.kind === "embedded_sandbox" && namesEmbeddedSandbox(baseUrl, current.baseUrl);
}
