import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners, wallexConnections, wallexTokens } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { encryptSecret, last4 } from "@/lib/crypto";
import { getPartnerOrThrow, getWallexConnectionRow } from "@/lib/data/partners";
import { AppError } from "@/lib/errors";
import type { WallexConnectionInput } from "@/lib/validations/settings";

type Profile = { name: string; legalName: string | null; country: string | null; supportEmail: string | null; website: string | null };

export async function updatePartnerProfile(db: Executor, scope: StaffScope, profile: Profile) {
  const before = await getPartnerOrThrow(db, scope);
  await db.update(partners).set(profile).where(eq(partners.id, scope.partnerId));
  const pick = ({ name, legalName, country, supportEmail, website }: Profile) => ({ name, legalName, country, supportEmail, website });
  return { before: pick(before), after: profile };
}

const secretNames = ["apiKey", "accessKeyId", "secretAccessKey"] as const;

/** Saves the connection; a blank secret keeps the stored one. Audit notes name what changed, never values. */
export async function saveWallexConnection(
  db: Executor,
  scope: StaffScope,
  input: Omit<WallexConnectionInput, "requestsPerSecond"> & { requestsPerSecond?: number },
) {
  const current = await getWallexConnectionRow(db, scope);
  const missing = secretNames.filter((name) => !input[name] && !current);
  if (missing.length) {
    const fieldErrors = Object.fromEntries(missing.map((name) => [name, ["Required for a new connection."]]));
    throw new AppError("INVALID_INPUT", { userMessage: "Fill in every credential.", fieldErrors });
  }
  const values = {
    baseUrl: input.baseUrl,
    requestsPerSecond: input.requestsPerSecond ?? current?.requestsPerSecond ?? 5,
    ...Object.fromEntries(
      secretNames.flatMap((name) => (input[name] ? [[name, encryptSecret(input[name])], [`${name}Last4`, last4(input[name])]] : [])),
    ),
  };
  if (current) {
    await db.update(wallexConnections).set(values).where(eq(wallexConnections.partnerId, scope.partnerId));
  } else {
    await db.insert(wallexConnections).values({ ...(values as typeof wallexConnections.$inferInsert), partnerId: scope.partnerId });
  }
  // A token issued for the old credentials or host must not be reused.
  await db.delete(wallexTokens).where(eq(wallexTokens.partnerId, scope.partnerId));
  return {
    before: current ? { baseUrl: current.baseUrl, requestsPerSecond: current.requestsPerSecond } : null,
    after: { baseUrl: input.baseUrl, requestsPerSecond: values.requestsPerSecond, credentialsChanged: secretNames.filter((name) => input[name]) },
  };
}
