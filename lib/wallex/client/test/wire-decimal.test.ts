import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { money, moneyInput, toJson } from "../schemas/wire-decimal";
import { entity, page, normalizeEnum, status } from "../schemas/common";
import { notification } from "../schemas/notification";
import { z } from "zod";

describe("money on the wire", () => {
  it("reads numbers and strings as exact decimal strings", () => {
    expect(money.parse(994.46)).toBe("994.46");
    expect(money.parse(1.336321833)).toBe("1.336321833");
    expect(money.parse("1000.50")).toBe("1000.5");
    expect(money.parse(1e21)).toBe("1000000000000000000000");
    expect(money.safeParse("abc").success).toBe(false);
  });

  it("writes amounts as JSON number literals, digit for digit", () => {
    const body = z
      .object({ amount: moneyInput, fee: moneyInput, other: z.string() })
      .parse({ amount: "12345678901234.57", fee: new Decimal("0.1").plus("0.2"), other: "x" });
    expect(toJson(body)).toBe('{"amount":12345678901234.57,"fee":0.3,"other":"x"}');
    expect(toJson({ a: moneyInput.parse(-5) })).toBe('{"a":-5}');
    for (const bad of ["12,50", "NaN", Infinity, ""]) expect(moneyInput.safeParse(bad).success).toBe(false);
  });
});

describe("envelopes (D3, D4, D5, D8) and enums (D12, D13)", () => {
  const thing = entity({ id: z.string(), uploadURL: z.string().optional() }, "simplePaymentId");
  it("unwraps {data: object}, falls back to the specific id key and to uploadUrl", () => {
    expect(thing.parse({ data: { simplePaymentId: "p1", uploadUrl: "u" } })).toEqual({
      id: "p1",
      simplePaymentId: "p1",
      uploadURL: "u",
      uploadUrl: "u",
    });
    expect(thing.parse({ id: "p2", extra: 1 })).toEqual({ id: "p2", extra: 1 });
  });
  it("accepts a listing with or without pagination, or a bare array", () => {
    const list = page(thing);
    expect(list.parse([{ id: "a" }]).data).toHaveLength(1);
    expect(list.parse({ data: [{ id: "a" }], pagination: { page: 1, total: 1 } }).pagination?.total).toBe(1);
  });
  it("normalises status spellings", () => {
    expect(["Full Paid", "FULL_PAID", "full-paid"].map(normalizeEnum)).toEqual(["full_paid", "full_paid", "full_paid"]);
    expect(status.parse("documents_need_resubmission")).toBe("document_needs_resubmission");
    expect(status.parse("Active")).toBe("active");
  });
});

describe("webhook notification body", () => {
  it("parses the generic body, normalises enums and falls back to fundingId (D11)", () => {
    expect(
      notification.parse({
        resource: "simple_payment",
        resourceId: "p1",
        status: "In Transit",
        accountId: "a1",
        extra: 1,
      }),
    ).toMatchObject({ resource: "simple_payment", resourceId: "p1", status: "in_transit", accountId: "a1", extra: 1 });
    expect(notification.parse({ resource: "funding", fundingId: "f1", status: "completed" }).resourceId).toBe("f1");
    expect(notification.safeParse({ resource: "user", status: "approved" }).success).toBe(false);
  });
});
