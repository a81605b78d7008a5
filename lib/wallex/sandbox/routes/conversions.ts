import type { Hono } from "hono";
import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import { invalid } from "../errors";
import { input, listOwned, matches, owned, type Ctx, type Env } from "../http";
import { uuid } from "../ids";
import { round } from "../arithmetic";
import { pageOf, paginate } from "../pagination";
import { wire } from "../wire";
import { assertHoldable } from "../domain/ledger";
import { fundConversion } from "../domain/conversions";
import { insertQuote, parseCurrency, parseSide, price, quoteView, takeQuote } from "../domain/quotes";

export const conversionView = (c: Record<string, unknown>) => wire({ ...c, conversionId: c.id });

/** FX conversions between wallet balances (conversions.md). */
export function conversionRoutes(app: Hono<Env>, engine: Engine) {
  app.post("/v2/conversions/quote", async (c) => {
    const { body, actor } = await input(engine, c);
    const sell = parseCurrency(body.sellCurrency, "sellCurrency");
    const buy = parseCurrency(body.buyCurrency, "buyCurrency");
    assertHoldable(sell, "sellCurrency");
    assertHoldable(buy, "buyCurrency");
    if (sell === buy) throw invalid("buyCurrency", "must differ from sellCurrency");
    const pricing = price(engine.now(), sell, buy, body.amount, parseSide(body.fixedSide));
    const q = await engine.write((tx) =>
      insertQuote(tx, actor, "conversion", {
        ...pricing,
        conversionFee: round(0, sell),
        totalAmount: pricing.sellAmount,
      }),
    );
    return c.json(wire(quoteView(q)));
  });

  app.post("/v2/conversions", async (c) => {
    const { body, actor } = await input(engine, c);
    for (const f of ["referenceId", "reason", "remarks"]) {
      if (body[f] !== undefined && typeof body[f] !== "string") throw invalid(f, "must be a string");
    }
    const conversion = await engine.write((tx) => {
      const q = takeQuote(tx, actor, body.quoteId, "conversion");
      const id = uuid();
      const doc = tx.insert("conversion", {
        id,
        _partnerId: actor.partner.id,
        accountId: actor.accountId,
        quoteId: q.id,
        status: "awaiting_funds",
        currencyPair: q.currencyPair,
        sellCurrency: q.sellCurrency,
        sellAmount: q.sellAmount,
        buyCurrency: q.buyCurrency,
        buyAmount: q.buyAmount,
        fixedSide: q.fixedSide,
        rate: q.rate,
        conversionFee: q.conversionFee,
        totalAmount: q.totalAmount,
        referenceId: body.referenceId ?? null,
        reason: body.reason ?? null,
        remarks: body.remarks ?? null,
        fundingCutoffTime: iso(tx.now + CHOICES.fundingCutoffMs),
        _cutoffAtMs: tx.now + CHOICES.fundingCutoffMs,
        createdAt: iso(tx.now),
        updatedAt: iso(tx.now),
        completedAt: null,
        failureReason: null,
      });
      engine.schedule(tx, actor.partner.id, "conversion.cutoff", id, CHOICES.fundingCutoffMs);
      engine.notify(tx, actor.partner.id, {
        resource: "conversion",
        resourceId: id,
        status: "awaiting_funds",
        accountId: actor.accountId,
      });
      return doc;
    });
    return c.json(conversionView(conversion));
  });

  const fund = async (c: Ctx, id: unknown) => {
    const { actor } = await input(engine, c);
    if (typeof id !== "string" || !id) throw invalid("conversionId", "is required");
    owned(engine, "conversion", id, actor, "conversion");
    return c.json(
      conversionView(
        await engine.write((tx) => fundConversion(engine, tx, owned(tx, "conversion", id, actor, "conversion"))),
      ),
    );
  };
  app.post("/v2/conversions/fund", async (c) => fund(c, (await input(engine, c)).body.conversionId));
  app.post("/v2/conversions/:id/fund", (c) => fund(c, c.req.param("id")));
  app.get("/v2/conversions", async (c) => {
    const { query, actor } = await input(engine, c);
    const items = listOwned(
      engine,
      "conversion",
      actor,
      matches(query, ["status", "sellCurrency", "buyCurrency", "referenceId"]),
    );
    return c.json(paginate(items.map(conversionView), pageOf(query)));
  });
  app.get("/v2/conversions/:id", async (c) => {
    const { actor } = await input(engine, c);
    return c.json(conversionView(owned(engine, "conversion", c.req.param("id"), actor, "conversion")));
  });
}
