import { expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { WallexRateLimitError, WallexUnknownOutcomeError } from "@/lib/wallex/client/errors";
import { failure } from "./define-action";

const form = { partnerSlug: "acme", amount: "12.00", apiKey: "never echoed" };

test("Wallex's refusals and silences reach the person as our own clear message, and the form keeps its input", () => {
  const busy = failure(new WallexRateLimitError("Too Many Requests", { status: 429 }), logger, form);
  expect(busy).toEqual({
    ok: false,
    formError: "The payment provider is busy. Please try again in a moment.",
    values: { partnerSlug: "acme", amount: "12.00" },
  });
  const silent = failure(new WallexUnknownOutcomeError("timeout"), logger, form);
  expect(silent).toMatchObject({ ok: false, formError: expect.stringMatching(/could not confirm/) });
});

test("field errors stay next to their field; anything unexpected gets a reference, not its details", () => {
  expect(
    failure(
      new AppError("INVALID_INPUT", { userMessage: "Bad", fieldErrors: { amount: ["Too small"] } }),
      logger,
      form,
    ),
  ).toMatchObject({
    formError: undefined,
    fieldErrors: { amount: ["Too small"] },
  });
  const unexpected = failure(new Error("relation does not exist"), logger, form);
  expect(unexpected).toMatchObject({
    ok: false,
    formError: expect.stringMatching(/^Something went wrong\. Please try again \(reference [0-9a-f]{8}\)\.$/),
  });
});
