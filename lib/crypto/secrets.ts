import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (Wallex credentials, TOTP secrets). The key ring comes from
 * ENCRYPTION_KEYS: "id1:base64key,id2:base64key"; the first key encrypts, every key decrypts, so a
 * key is rotated by putting a new one first and running `npm run secrets:rotate`.
 * Ciphertext format: "<keyId>:<iv b64url>:<tag b64url>:<data b64url>".
 */
export type KeyRing = { activeId: string; keys: Map<string, Buffer> };

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, material] = entry.split(":");
    const key = Buffer.from(material ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]+$/.test(id) || key.length !== 32) {
      throw new Error("ENCRYPTION_KEYS entries must be <id>:<32 bytes in base64>");
    }
    keys.set(id, key);
  }
  const activeId = keys.keys().next().value;
  if (!activeId) throw new Error("ENCRYPTION_KEYS is empty");
  return { activeId, keys };
}

export function generateKeySpec(id = `k${Date.now().toString(36)}`) {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export function encryptWith(ring: KeyRing, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.keys.get(ring.activeId)!, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [ring.activeId, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

export function decryptWith(ring: KeyRing, ciphertext: string): string {
  const [keyId, iv, tag, data] = ciphertext.split(":");
  const key = keyId ? ring.keys.get(keyId) : undefined;
  if (!key || !iv || !tag || data === undefined) throw new Error("Unreadable ciphertext or unknown key id");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function isEncryptedWithActiveKey(ring: KeyRing, ciphertext: string) {
  return ciphertext.startsWith(`${ring.activeId}:`);
}
