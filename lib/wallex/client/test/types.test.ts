import { describe, expectTypeOf, it } from "vitest";
import type { WallexClient } from "../index";

// Compile-time checks: tsc (`npm run check`, which `npm test` runs first) fails on them; at run time
// these only assert that the file loads.
describe("typed methods", () => {
  it("derive arguments and results from the endpoint table", () => {
    type C = WallexClient;
    expectTypeOf<Parameters<C["payments"]["fund"]>[0]>().toEqualTypeOf<{ simplePaymentId: string }>();
    expectTypeOf<Awaited<ReturnType<C["payments"]["retrieve"]>>["totalAmount"]>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<Awaited<ReturnType<C["balances"]["list"]>>["data"][number]["amount"]>().toEqualTypeOf<string>();
    expectTypeOf<Parameters<C["payments"]["quote"]>[0]["body"]["amount"]>().toMatchTypeOf<string | number | object>();
    expectTypeOf<Parameters<C["users"]["retrieveDocument"]>[0]>().toEqualTypeOf<
      { userId: string } & { documentId: string }
    >();
    const check = (c: C) => {
      // @ts-expect-error path parameter missing
      void c.payments.fund({});
      // @ts-expect-error onBehalfOf takes a user or an account id
      void c.balances.list({}, { onBehalfOf: { member: "x" } });
      // @ts-expect-error rates needs its query (sellCurrency, buyCurrency)
      void c.currencies.rates();
      void c.currencies.list();
      void c.balances.list(undefined, { onBehalfOf: { account: "a" } });
    };
    void check;
  });
});
