import { generate } from "otplib";
import { describe, expect, test } from "vitest";
import {
  checkTotp,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpEnrolment,
} from "./totp";

describe("TOTP", () => {
  test("accepts a current code once", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const step = await checkTotp(secret, code, null);
    expect(step).toBeTypeOf("number");
    expect(await checkTotp(secret, code, step)).toBeNull();
  });

  test("refuses wrong and malformed codes", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await checkTotp(secret, wrong, null)).toBeNull();
    expect(await checkTotp(secret, "12ab56", null)).toBeNull();
  });

  test("enrolment gives an otpauth URI and a QR image", async () => {
    const { uri, qrDataUrl } = await totpEnrolment("ada@example.com", newTotpSecret());
    expect(uri).toMatch(/^otpauth:\/\/totp\/Partner%20Desk:ada%40example.com\?/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  test("recovery codes are distinct, recognisable and hashed case-insensitively", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes.every(looksLikeRecoveryCode)).toBe(true);
    expect(hashRecoveryCode(codes[0].toUpperCase())).toBe(hashRecoveryCode(codes[0]));
  });
});
