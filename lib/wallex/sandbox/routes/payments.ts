import type { Hono } from "hono";
import { z } from "zod";
import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import { badState, invalid } from "../errors";
import { currency } from "../fixtures/currencies";
import { PURPOSES_OF_TRANSFER } from "../fixtures/lists";
import { input, listOwned, matches, owned, type Ctx, type Env } from "../http";
import { reference, uuid } from "../ids";
import { D, round } from "../money";
import { onePage, pageOf, paginate } from "../pagination";
import { parse } from "../validation";
import { wire } from "../wire";
import { downloadUrl, uploadUrl, urlExpiry } from "../helpers/storage";
import { channelFor, channels } from "../domain/channels";
import { assertHoldable } from "../domain/ledger";
import { fundPayment } from "../domain/payments";
import { insertQuote, parseCurrency, parseSide, price, quoteView, takeQuote } from "../domain/quotes";
import { fromUsd } from "../domain/rates";

const createSchema = z.object({
  quoteId: z.string().min(1),
  fundingSource: z.enum(CHOICES.fundingSources).optional(),
  purposeOfTransfer: z.string().optional(),
  purposesOfTransfer: z.string().optional(),
  paymentReference: z.string().max(35).optional(),
  referenceId: z.string().max(100).optional(),
  files: z.array(z.string()).optional(),
  hsCode: z.string().regex(/^[0-9]{6,10}$/, "must be 6 to 10 digits").optional(),
  beneficiaryId: z.string().optional(),
});

export const paymentView = (p: Record<string, unknown>) => wire({ ...p, simplePaymentId: p.id });

/** Simple payments (payments.md): quote → create → fund → lifecycle. Shared by the legacy v1 paths. */
export function paymentRoutes(app: Hono<Env>, engine: Engine) {
  app.get("/v2/payments/channels", async (c) => {
    const { query } = await input(engine, c);
    if (query.currency && !currency(query.currency)) throw invalid("currency", `unsupported currency ${query.currency}`);
    return c.json(onePage(channels(query.currency, query.country)));
  });
  for (const p of ["/v2/payments/purposes", "/v2/payments/purpose-of-transfer"]) app.get(p, (c) => c.json(onePage(PURPOSES_OF_TRANSFER)));

  app.post("/v2/payments/quote", async (c) => c.json(wire(await quote(c))));
  app.post("/v2/payments/upload-url", async (c) => c.json(await upload(c)));
  app.post("/v2/payments", async (c) => c.json(paymentView(await create(c))));
  app.post("/v2/payments/fund", async (c) => c.json(paymentView(await fund(c, (await input(engine, c)).body.simplePaymentId))));
  app.post("/v2/payments/:id/fund", async (c) => c.json(paymentView(await fund(c, c.req.param("id")))));
  app.get("/v2/payments", async (c) => {
    const { query, actor } = await input(engine, c);
    const keys = ["status", "beneficiaryId", "referenceId", "sellCurrency", "buyCurrency", "fundingSource"];
    return c.json(paginate(listOwned(engine, "payment", actor, matches(query, keys)).map(paymentView), pageOf(query)));
  });
  app.get("/v2/payments/:id", async (c) => {
    const { actor } = await input(engine, c);
    return c.json(paymentView(owned(engine, "payment", c.req.param("id"), actor, "payment")));
  });
  app.get("/v2/payments/:id/documents", async (c) => {
    const { actor, query } = await input(engine, c);
    const p = owned(engine, "payment", c.req.param("id"), actor, "payment");
    if (query.type && !["receipt", "confirmation", "mt103"].includes(query.type)) throw invalid("type", "must be receipt, confirmation or mt103");
    if (p.status !== "completed") throw badState(`documents are available once the payment is completed (status ${p.status})`);
    return c.json({ url: downloadUrl(c, `receipt-${p.id}`, engine.now()), expiresAt: urlExpiry(engine.now()), type: query.type ?? "receipt" });
  });

  async function quote(c: Ctx) {
    const { body, actor } = await input(engine, c);
    const sell = parseCurrency(body.sellCurrency, "sellCurrency");
    assertHoldable(sell, "sellCurrency");
    let buy = body.buyCurrency === undefined ? undefined : parseCurrency(body.buyCurrency, "buyCurrency");
    let bankCountry: string | undefined;
    if (body.beneficiaryId !== undefined) {
      if (typeof body.beneficiaryId !== "string") throw invalid("beneficiaryId", "must be a string");
      const b = engine.state.get("beneficiary", body.beneficiaryId);
      if (!b || b._partnerId !== actor.partner.id || b.accountId !== actor.accountId) throw invalid("beneficiaryId", "unknown beneficiary");
      if (buy && buy !== b.bankAccount.currency) throw invalid("buyCurrency", `must be the beneficiary's currency ${b.bankAccount.currency}`);
      buy = b.bankAccount.currency;
      bankCountry = b.bankAccount.country;
    }
    if (!buy) throw invalid("buyCurrency", "is required");
    const pricing = price(engine.now(), sell, buy, body.amount, parseSide(body.fixedSide));
    const channel = bankCountry ? channelFor(buy, bankCountry)
      : body.paymentChannel === "swift" || !channels(buy).some((ch) => ch.settlementMethod === "local") ? channelFor(buy, "*") : channels(buy).find((ch) => ch.settlementMethod === "local")!;
    const fees = CHOICES.feesUsd[channel.settlementMethod];
    const paymentFee = round(fromUsd(fees.paymentFee, sell, engine.now()), sell);
    const bankCharges = round(fromUsd(fees.bankCharges, sell, engine.now()), sell);
    const totalFee = round(new D(paymentFee).plus(bankCharges), sell);
    const parts = Math.ceil(new D(pricing.buyAmount).div(channel.maxAmount).toNumber());
    return engine.write((tx) => quoteView(insertQuote(tx, actor, "payment", {
      ...pricing, beneficiaryId: body.beneficiaryId ?? null, paymentChannel: channel.settlementMethod, conversionFee: round(0, sell),
      paymentFee, bankCharges, partnerPaymentFee: round(0, sell), totalFee, totalAmount: round(new D(pricing.sellAmount).plus(totalFee), sell),
      supportingDocumentsRequired: fromUsd(CHOICES.supportingDocumentsAboveUsd, sell, tx.now).lt(pricing.sellAmount),
      splitSettlement: parts > 1, settlementCount: parts, _channelMax: channel.maxAmount,
    })));
  }

  async function upload(c: Ctx) {
    const { body, actor } = await input(engine, c);
    if (typeof body.fileName !== "string" || !body.fileName.trim()) throw invalid("fileName", "is required");
    const file = await engine.write((tx) => tx.insert("file", {
      id: uuid(), _partnerId: actor.partner.id, accountId: actor.accountId, ownerKind: "payment", fileName: body.fileName,
      status: "pending_upload", createdAt: iso(tx.now),
    }));
    return { uploadURL: uploadUrl(c, file.id, engine.now()), fileId: file.id };
  }

  async function create(c: Ctx) {
    const { body, actor } = await input(engine, c);
    const b = parse(createSchema, body);
    const purpose = b.purposeOfTransfer ?? b.purposesOfTransfer;
    if (!purpose) throw invalid("purposeOfTransfer", "is required");
    if (!PURPOSES_OF_TRANSFER.some((p) => p.key === purpose)) throw invalid("purposeOfTransfer", "must be a key from Purpose of Transfer");
    return engine.write((tx) => {
      const q = takeQuote(tx, actor, b.quoteId, "payment");
      const beneficiaryId = q.beneficiaryId ?? b.beneficiaryId;
      if (!beneficiaryId) throw invalid("beneficiaryId", "is required when the quote has no beneficiary");
      const ben = tx.get("beneficiary", beneficiaryId);
      if (!ben || ben._partnerId !== actor.partner.id || ben.accountId !== actor.accountId) throw invalid("beneficiaryId", "unknown beneficiary");
      if (ben.bankAccount.currency !== q.buyCurrency) throw invalid("beneficiaryId", `beneficiary receives ${ben.bankAccount.currency}, the quote buys ${q.buyCurrency}`);
      const files = b.files ?? [];
      for (const f of files) {
        const file = tx.get("file", f);
        if (!file || file._partnerId !== actor.partner.id || file.ownerKind !== "payment") throw invalid("files", `unknown file ${f}`);
        if (file.status !== "uploaded") throw invalid("files", `file ${f} was never uploaded`);
      }
      if (q.supportingDocumentsRequired && !files.length) throw invalid("files", "supporting documents are required for this quote");
      const { id: quoteId, _purpose, _expiresAtMs, _usedAt, _channelMax, _seq, expiresAt, createdAt, partnerRate, partnerBuyAmount, partnerSellAmount, ...priced } = q;
      const parts = q.settlementCount > 1
        ? Array.from({ length: q.settlementCount }, (_, i) => ({
            sequence: i + 1, status: "pending",
            amount: round(i < q.settlementCount - 1 ? _channelMax : new D(q.buyAmount).minus(new D(_channelMax).times(q.settlementCount - 1)), q.buyCurrency),
          }))
        : undefined;
      const { _partnerId, _seq: _s, accountId, ...snapshot } = ben;
      const id = uuid();
      const p = tx.insert("payment", {
        ...priced, id, _partnerId: actor.partner.id, accountId: actor.accountId, onBehalfOfUser: actor.userId ?? null, quoteId,
        status: "awaiting_funds", fundingSource: b.fundingSource ?? CHOICES.legacyFundingSource, purposeOfTransfer: purpose,
        paymentReference: b.paymentReference ?? null, referenceId: b.referenceId ?? null, files, hsCode: b.hsCode ?? null,
        beneficiaryId, beneficiary: { ...snapshot, beneficiaryId: ben.id }, settlements: parts ?? null,
        fundingReference: reference("WXP"), fundingCutoffTime: iso(tx.now + CHOICES.fundingCutoffMs), _cutoffAtMs: tx.now + CHOICES.fundingCutoffMs,
        failureReason: null, createdAt: iso(tx.now), updatedAt: iso(tx.now), completedAt: null,
      });
      engine.schedule(tx, actor.partner.id, "payment.cutoff", id, CHOICES.fundingCutoffMs);
      engine.notify(tx, actor.partner.id, { resource: "simple_payment", resourceId: id, status: "awaiting_funds", accountId: actor.accountId });
      return p;
    });
  }

  async function fund(c: Ctx, id: unknown) {
    const { actor } = await input(engine, c);
    if (typeof id !== "string" || !id) throw invalid("simplePaymentId", "is required");
    owned(engine, "payment", id, actor, "payment");
    return engine.write((tx) => fundPayment(engine, tx, owned(tx, "payment", id, actor, "payment")));
  }
}
