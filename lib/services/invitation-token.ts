import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

/** The link carries "<invitation id>.<secret>"; only the secret's SHA-256 is stored. */
export function newInvitationSecret() {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export function invitationToken(invitationId: string, secret: string) {
  return `${invitationId}.${secret}`;
}

export function parseInvitationToken(token: string): { invitationId: string; secret: string } | null {
  // A real UUID only: PostgreSQL refuses anything else cast to uuid (36 dashes…) with an error.
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  return match ? { invitationId: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string) {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

function hashSecret(secret: string) {
  return createHash("sha256").update(secret).digest("hex");
}
