import { createHash, randomBytes, randomUUID } from "node:crypto";

export const uuid = (): string => randomUUID();

/** A stable UUID (v4 layout) derived from a seed, for ids that must survive restarts without storage. */
export function seededUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const token = (): string => randomBytes(24).toString("base64url");

/** Upper-case reference such as WXP7K2M9QD, for funding references and VA numbers. */
export function reference(prefix: string, length = 8): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export function digits(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += String(b % 10);
  return out;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
