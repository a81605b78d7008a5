import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

const ISSUER = "Partner Desk";

export function newTotpSecret() {
  return generateSecret();
}

export async function totpEnrolment(email: string, secret: string) {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  return { uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

/**
 * Checks a 6-digit code, one step of clock drift either way. Returns the accepted time step, or
 * null. Codes at or before `lastStep` are refused, so a code works once.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  });
  // A valid TOTP result carries the matched time step (the union type does not say so).
  return result.valid ? (result as unknown as { timeStep: number }).timeStep : null;
}

export function newRecoveryCodes(count = 10) {
  return Array.from({ length: count }, () => {
    const raw = randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string) {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}

export function looksLikeRecoveryCode(code: string) {
  return /^[0-9a-f]{5}-[0-9a-f]{5}$/i.test(code.trim());
}
