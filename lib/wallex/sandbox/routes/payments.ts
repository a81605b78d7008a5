import type { Hono } from "hono";
import { z } from "zod";
import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import { badState, invalid } from "../errors";
import { currency } from "../fixtures/currencies";
import { PURPOSES_OF_TRANSFER } from "../fixtures/lists";
import { input, listOwned, matches, owned, type Ctx, type Env } from "../http";
import { uuid } from "../ids";
import { onePage, pageOf, paginate } from "../pagination";
import { parse } from "../validation";
import { wire } from "../wire";
import { downloadUrl, uploadUrl, urlExpiry } from "../helpers/storage";
import { channels } from "../domain/channels";
import { createPayment, quotePayment } from "../domain/payment-orders";
import { fundPayment } from "../domain/payments";
import { quoteView } from "../domain/quotes";

const createSchema = z.object({
  quoteId: z.string().min(1),
  fundingSource: z.enum(CHOICES.fundingSources).optional(),
  purposeOfTransfer: z.string().optional(),
  purposesOfTransfer: z.string().optional(),
  paymentReference: z.string().max(35).optional(),
  referenceId: z.string().max(100).optional(),
  files: z.array(z.string()).optional(),
  hsCode: z
    .string()
    .regex(/^[0-9]{6,10}$/, "must be 6 to 10 digits")
    .optional(),
  beneficiaryId: z.string().optional(),
});

export const paymentView = (p: Record<string, unknown>) => wire({ ...p, simplePaymentId: p.id });

/** Simple payments (payments.md): quote → create → fund → lifecycle. Shared by the legacy v1 paths. */
export function paymentRoutes(app: Hono<Env>, engine: Engine) {
  app.get("/v2/payments/channels", async (c) => {
    const { query } = await input(engine, c);
    if (query.currency && !currency(query.currency))
      throw invalid("currency", `unsupported currency ${query.currency}`);
    return c.json(onePage(channels(query.currency, query.country)));
  });
  for (const p of ["/v2/payments/purposes", "/v2/payments/purpose-of-transfer"])
    app.get(p, (c) => c.json(onePage(PURPOSES_OF_TRANSFER)));

  app.post("/v2/payments/quote", async (c) => c.json(wire(await quote(c))));
  app.post("/v2/payments/upload-url", async (c) => c.json(await upload(c)));
  app.post("/v2/payments", async (c) => c.json(paymentView(await create(c))));
  app.post("/v2/payments/fund", async (c) =>
    c.json(paymentView(await fund(c, (await input(engine, c)).body.simplePaymentId))),
  );
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
    if (query.type && !["receipt", "confirmation", "mt103"].includes(query.type))
      throw invalid("type", "must be receipt, confirmation or mt103");
    if (p.status !== "completed")
      throw badState(`documents are available once the payment is completed (status ${p.status})`);
    return c.json({
      url: downloadUrl(c, `receipt-${p.id}`, engine.now()),
      expiresAt: urlExpiry(engine.now()),
      type: query.type ?? "receipt",
    });
  });

  async function quote(c: Ctx) {
    const { body, actor } = await input(engine, c);
    return engine.write((tx) => quoteView(quotePayment(tx, actor, body)));
  }

  async function upload(c: Ctx) {
    const { body, actor } = await input(engine, c);
    if (typeof body.fileName !== "string" || !body.fileName.trim()) throw invalid("fileName", "is required");
    const file = await engine.write((tx) =>
      tx.insert("file", {
        id: uuid(),
        _partnerId: actor.partner.id,
        accountId: actor.accountId,
        ownerKind: "payment",
        fileName: body.fileName,
        status: "pending_upload",
        createdAt: iso(tx.now),
      }),
    );
    return { uploadURL: uploadUrl(c, file.id, engine.now()), fileId: file.id };
  }

  async function create(c: Ctx) {
    const { body, actor } = await input(engine, c);
    const b = parse(createSchema, body);
    const purpose = b.purposeOfTransfer ?? b.purposesOfTransfer;
    if (!purpose) throw invalid("purposeOfTransfer", "is required");
    if (!PURPOSES_OF_TRANSFER.some((p) => p.key === purpose))
      throw invalid("purposeOfTransfer", "must be a key from Purpose of Transfer");
    return engine.write((tx) => createPayment(engine, tx, actor, { ...b, purposeOfTransfer: purpose }));
  }

  async function fund(c: Ctx, id: unknown) {
    const { actor } = await input(engine, c);
    if (typeof id !== "string" || !id) throw invalid("simplePaymentId", "is required");
    owned(engine, "payment", id, actor, "payment");
    return engine.write((tx) => fundPayment(engine, tx, owned(tx, "payment", id, actor, "payment")));
  }
}
