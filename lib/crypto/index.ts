import "server-only";
import { env } from "@/lib/env";
import { decryptWith, encryptWith, parseKeyRing, type KeyRing } from "./secrets";

let ring: KeyRing | undefined;

export function keyRing(): KeyRing {
  if (!ring) {
    const spec = env().ENCRYPTION_KEYS;
    if (!spec) throw new Error("ENCRYPTION_KEYS is not set: start the app with `npm start`, which provides one.");
    ring = parseKeyRing(spec);
  }
  return ring;
}

export const encryptSecret = (plaintext: string) => encryptWith(keyRing(), plaintext);
export const decryptSecret = (ciphertext: string) => decryptWith(keyRing(), ciphertext);

/** What the browser may see of a secret. */
export function last4(secret: string) {
  return secret.slice(-4);
}
