import type { Hono } from "hono";
import type { Engine } from "../engine";
import { invalid, notFound } from "../errors";
import { CURRENCIES, currency } from "../fixtures/currencies";
import { input, listOwned, matches, type Ctx, type Env } from "../http";
import { onePage, pageOf, paginate } from "../pagination";
import { rateView } from "../domain/rates";
import { wire } from "../wire";

const CODE = /^[A-Z]{3}$/;

/** Balances, balance history and currencies/rates (balances-currencies.md). */
export function balanceRoutes(app: Hono<Env>, engine: Engine) {
  app.get("/v2/balances", async (c) => {
    const { query, actor } = await input(engine, c);
    return c.json(paginate(listOwned(engine, "balance", actor, matches(query, ["currency"])), pageOf(query)));
  });

  app.get("/v2/balances/history", async (c) => {
    const { query, actor } = await input(engine, c);
    const keys = ["currency", "balanceId", "type", "direction", "relatedEntityType", "relatedEntityId"];
    return c.json(paginate(listOwned(engine, "entry", actor, matches(query, keys)), pageOf(query)));
  });

  const byCurrency = async (c: Ctx, code: string) => {
    const { actor } = await input(engine, c);
    if (!currency(code)) throw invalid("currency", `unsupported currency ${code}`);
    const balance = listOwned(engine, "balance", actor, (b) => b.currency === code)[0];
    if (!balance) throw notFound(`${code} balance`);
    return balance;
  };
  const byId = async (c: Ctx, id: string) => {
    const { actor } = await input(engine, c);
    const balance = listOwned(engine, "balance", actor, (b) => b.id === id)[0];
    if (!balance) throw notFound("balance");
    return balance;
  };
  app.get("/v2/balances/currency/:code", async (c) => c.json(wire(await byCurrency(c, c.req.param("code")))));
  app.get("/v2/balances/id/:id", async (c) => c.json(wire(await byId(c, c.req.param("id")))));
  app.get("/v2/balances/:x", async (c) => {
    const x = c.req.param("x");
    return c.json(wire(CODE.test(x) ? await byCurrency(c, x) : await byId(c, x)));
  });
  app.get("/balances/v1/item/:x", async (c) => {
    const x = c.req.param("x");
    return c.json({ data: wire(CODE.test(x) ? await byCurrency(c, x) : await byId(c, x)) });
  });

  app.get("/v2/currencies", (c) => c.json(onePage(CURRENCIES.map(({ midPerUsd: _m, ...rest }) => rest))));
  const rates = async (c: Ctx) => {
    const { query } = await input(engine, c);
    const sell = (query.sellCurrency ?? query.from ?? "").toUpperCase();
    const buy = (query.buyCurrency ?? query.to ?? "").toUpperCase();
    if (!currency(sell)) throw invalid("sellCurrency", sell ? `unsupported currency ${sell}` : "is required");
    if (!currency(buy)) throw invalid("buyCurrency", buy ? `unsupported currency ${buy}` : "is required");
    return c.json(wire(rateView(sell, buy, engine.now())));
  };
  app.get("/v2/currencies/rates", rates);
  app.get("/v2/rates", rates);
}
