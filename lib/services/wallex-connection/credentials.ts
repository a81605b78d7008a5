import "server-only";
import type { WallexConnection } from "@/db/schema";
import { encryptSecret, last4 } from "@/lib/crypto";
import type { ConnectionValues } from "@/lib/data/wallex-connections";
import { AppError, fieldError } from "@/lib/errors";
import type { WallexConnectionInput } from "@/lib/validations/settings";
import { baseUrlProblem } from "@/lib/wallex/base-url-policy";

export const SECRET_NAMES = ["apiKey", "accessKeyId", "secretAccessKey"] as const;
export const NEW_HOST_NEEDS_SECRETS = "Re-enter the API key, access key ID and secret access key for the new host.";

export type ConnectionInput = Omit<WallexConnectionInput, "requestsPerSecond"> & { requestsPerSecond?: number };

/** The row a save will write, and what its audit row says changed (names, never values). */
export type ConnectionPlan = {
  values: ConnectionValues;
  after: { baseUrl: string; kind: ConnectionValues["kind"]; requestsPerSecond: number; credentialsChanged: string[] };
  /** A new sandbox identity has no webhook yet: the stored one is cleared unless a new one is registered. */
  newIdentity: boolean;
};

/**
 * The Wallex connection a form asks for. A blank secret keeps the stored one, but only for the
 * host it was saved for; the base URL must pass the policy (https, no internal address).
 */
export async function planWallexCredentials(
  current: WallexConnection | null,
  input: ConnectionInput,
): Promise<ConnectionPlan> {
  const origin = new URL(input.baseUrl).origin;
  const blank = SECRET_NAMES.filter((name) => !input[name]);
  if (!current && blank.length) {
    const fieldErrors = Object.fromEntries(blank.map((name) => [name, ["Required for a new connection."]]));
    throw new AppError("INVALID_INPUT", { userMessage: "Fill in every credential.", fieldErrors });
  }
  const newHost = current && (current.kind !== "wallex" || current.secretsOrigin !== origin);
  if (newHost && blank.length) throw fieldError("baseUrl", NEW_HOST_NEEDS_SECRETS);
  const problem = await baseUrlProblem(input.baseUrl);
  if (problem) throw fieldError("baseUrl", problem);

  const secret = (name: (typeof SECRET_NAMES)[number]) => {
    const typed = input[name];
    return typed
      ? { value: encryptSecret(typed), last4: last4(typed) }
      : { value: current![name], last4: current![`${name}Last4`] };
  };
  const [apiKey, accessKeyId, secretAccessKey] = SECRET_NAMES.map(secret);
  const requestsPerSecond = input.requestsPerSecond ?? current?.requestsPerSecond ?? 5;
  return {
    values: {
      baseUrl: input.baseUrl,
      kind: "wallex",
      secretsOrigin: origin,
      requestsPerSecond,
      apiKey: apiKey.value,
      apiKeyLast4: apiKey.last4,
      accessKeyId: accessKeyId.value,
      accessKeyIdLast4: accessKeyId.last4,
      secretAccessKey: secretAccessKey.value,
      secretAccessKeyLast4: secretAccessKey.last4,
    },
    after: {
      baseUrl: input.baseUrl,
      kind: "wallex",
      requestsPerSecond,
      credentialsChanged: SECRET_NAMES.filter((name) => input[name]),
    },
    newIdentity: false,
  };
}
