import { expect, test } from "vitest";
import { formatMoney as format } from "./format-money";

// Intl keeps the code and the figure together with a no-break space.
const formatMoney = (amount: string | null, currency: string | null) => format(amount, currency).replace("\u00a0", " ");

test("amounts are shown with their currency's precision, without float rounding", () => {
  expect(formatMoney("1234.5", "SGD")).toBe("SGD 1,234.50");
  expect(formatMoney("15000", "JPY")).toBe("JPY 15,000");
  expect(formatMoney("0.125", "KWD")).toBe("KWD 0.125");
  expect(formatMoney("9007199254740993.01", "USD")).toBe("USD 9,007,199,254,740,993.01");
  expect(formatMoney("0.005", "USD")).toBe("USD 0.00");
  expect(formatMoney(null, "USD")).toBe("—");
  expect(formatMoney("12", null)).toBe("12");
});
