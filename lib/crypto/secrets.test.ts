import { describe, expect, test } from "vitest";
import { decryptWith, encryptWith, generateKeySpec, parseKeyRing } from "./secrets";

describe("secrets encryption", () => {
  const oldSpec = generateKeySpec("old");
  const newSpec = generateKeySpec("new");

  test("round-trips and never stores the plaintext", () => {
    const ring = parseKeyRing(oldSpec);
    const ciphertext = encryptWith(ring, "sk_live_wallex_secret");
    expect(ciphertext).not.toContain("sk_live");
    expect(ciphertext.startsWith("old:")).toBe(true);
    expect(decryptWith(ring, ciphertext)).toBe("sk_live_wallex_secret");
  });

  test("uses a fresh IV each time", () => {
    const ring = parseKeyRing(oldSpec);
    expect(encryptWith(ring, "same")).not.toBe(encryptWith(ring, "same"));
  });

  test("a rotated ring reads old ciphertexts and writes with the new key", () => {
    const before = encryptWith(parseKeyRing(oldSpec), "secret");
    const rotated = parseKeyRing(`${newSpec},${oldSpec}`);
    expect(decryptWith(rotated, before)).toBe("secret");
    expect(encryptWith(rotated, "secret").startsWith("new:")).toBe(true);
  });

  test("detects tampering and unknown keys", () => {
    const ring = parseKeyRing(oldSpec);
    const [id, iv, tag, data] = encryptWith(ring, "secret").split(":");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptWith(ring, [id, iv, tag, flipped.toString("base64url")].join(":"))).toThrow();
    expect(() => decryptWith(parseKeyRing(newSpec), encryptWith(ring, "secret"))).toThrow(/unknown key/);
  });

  test("rejects malformed key specs", () => {
    expect(() => parseKeyRing("k1:short")).toThrow(/32 bytes/);
    expect(() => parseKeyRing("")).toThrow(/empty/);
  });
});
