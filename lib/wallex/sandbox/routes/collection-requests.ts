import type { Hono } from "hono";
import { z } from "zod";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { invalid } from "../errors";
import { isCountry } from "../fixtures/countries";
import { COLLECTION_PROVIDERS, COLLECTION_PURPOSE_CODES } from "../fixtures/lists";
import { input, listOwned, matches, owned, type Ctx, type Env } from "../http";
import { uuid } from "../ids";
import { parseAmount, round } from "../arithmetic";
import { onePage, pageOf, paginate } from "../pagination";
import { parse } from "../validation";
import { wire } from "../wire";
import { bankDetails, moveRequest, payRequest } from "../domain/collections";
import { assertHoldable } from "../domain/ledger";
import { CHOICES } from "../config";

const schema = z.object({
  amount: z.unknown(),
  currency: z.string().refine((c) => !!COLLECTION_PROVIDERS[c], "must be a collection currency"),
  settlementCurrency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  purposeCode: z
    .string()
    .refine((p) => COLLECTION_PURPOSE_CODES.some((x) => x.code === p), "must be a code from Purpose Code Listing"),
  reference: z.string().max(100).optional(),
  invoiceNumber: z.string().max(100).optional(),
  payer: z.object({
    name: z.string().trim().min(1).max(140),
    email: z.email().optional(),
    country: z.string().refine(isCountry, "must be an ISO 3166-1 alpha-2 country code").optional(),
  }),
  dueDate: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

/** Collection requests (collections.md §5): bill a payer in their currency, settle in yours. */
export function collectionRequestRoutes(app: Hono<Env>, engine: Engine) {
  app.get("/v2/collection-requests/purpose-codes", (c) => c.json(onePage(COLLECTION_PURPOSE_CODES)));

  app.post("/v2/collection-requests", async (c) => {
    const { body, actor } = await input(engine, c);
    const b = parse(schema, body);
    assertHoldable(b.settlementCurrency, "settlementCurrency");
    const amount = parseAmount(b.amount, "amount", b.currency);
    const dueMs = b.dueDate ? new Date(b.dueDate).getTime() : undefined;
    if (dueMs !== undefined && dueMs <= engine.now()) throw invalid("dueDate", "must be in the future");
    const req = await engine.write((tx) => {
      const id = uuid();
      const provider = COLLECTION_PROVIDERS[b.currency][0].provider;
      const [va] = bankDetails(actor.accountId, actor.partner.name, b.currency, provider, id);
      const doc = tx.insert("collectionRequest", {
        id,
        _partnerId: actor.partner.id,
        accountId: actor.accountId,
        status: "pending",
        amount,
        currency: b.currency,
        settlementCurrency: b.settlementCurrency,
        rate: null,
        settlementAmount: null,
        paidAmount: round(0, b.currency),
        purposeCode: b.purposeCode,
        reference: b.reference ?? null,
        invoiceNumber: b.invoiceNumber ?? null,
        payer: b.payer,
        virtualAccount: va,
        dueDate: b.dueDate ?? null,
        createdAt: iso(tx.now),
        updatedAt: iso(tx.now),
        paidAt: null,
        cancelledAt: null,
      });
      if (dueMs !== undefined) engine.schedule(tx, actor.partner.id, "collection_request.expire", id, dueMs - tx.now);
      engine.notify(tx, actor.partner.id, {
        resource: "collection_request",
        resourceId: id,
        status: "pending",
        accountId: actor.accountId,
      });
      return doc;
    });
    return c.json(wire(req));
  });
  app.get("/v2/collection-requests", async (c) => {
    const { query, actor } = await input(engine, c);
    return c.json(
      paginate(
        listOwned(
          engine,
          "collectionRequest",
          actor,
          matches(query, ["status", "currency", "settlementCurrency", "purposeCode"]),
        ),
        pageOf(query),
      ),
    );
  });
  app.get("/v2/collection-requests/:id", async (c) => {
    const { actor } = await input(engine, c);
    return c.json(wire(owned(engine, "collectionRequest", c.req.param("id"), actor, "collection request")));
  });

  const cancel = async (c: Ctx) => {
    const { actor } = await input(engine, c);
    const id = c.req.param("id")!;
    return c.json(
      wire(
        await engine.write((tx) =>
          moveRequest(engine, tx, owned(tx, "collectionRequest", id, actor, "collection request"), "cancel"),
        ),
      ),
    );
  };
  app.post("/v2/collection-requests/:id/cancel", cancel);
  app.patch("/v2/collection-requests/:id/cancel", cancel);
  app.post("/v2/collection-requests/:id/paid", async (c) => {
    const { actor } = await input(engine, c);
    const id = c.req.param("id");
    const req = await engine.write((tx) => {
      const r = owned(tx, "collectionRequest", id, actor, "collection request");
      if (CHOICES.collectionRequestPaidCredits) return payRequest(engine, tx, r);
      if (!["pending", "partial_paid"].includes(r.status)) throw invalid("status", `collection request is ${r.status}`);
      engine.notify(tx, r._partnerId, {
        resource: "collection_request",
        resourceId: r.id,
        status: "full_paid",
        accountId: r.accountId,
      });
      return tx.update("collectionRequest", r.id, { status: "full_paid", paidAmount: r.amount, paidAt: iso(tx.now) });
    });
    return c.json(wire(req));
  });
}
