import type { Hono } from "hono";
import { z } from "zod";
import type { Engine } from "../engine";
import { input, listOwned, matches, owned, type Env } from "../http";
import { pageOf, paginate } from "../pagination";
import { parse } from "../validation";
import { wire } from "../wire";
import { createTransfer } from "../domain/transfers";

const transferSchema = z.object({
  receiverAccountId: z.string().min(1),
  amount: z.unknown(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  purposesOfTransfer: z.string().min(1).optional(),
  purposeOfTransfer: z.string().min(1).optional(),
  reference: z.string().max(140).optional(),
  remarks: z.string().max(500).optional(),
  supportingDocuments: z.array(z.string()).optional(),
}).refine((b) => b.purposesOfTransfer || b.purposeOfTransfer, { path: ["purposesOfTransfer"], message: "is required" });

/** Fundings, deductions (read-only: Wallex creates them) and internal transfers. */
export function fundingRoutes(app: Hono<Env>, engine: Engine) {
  const readOnly = (paths: string[], kind: "funding" | "deduction", label: string) => {
    for (const p of paths) {
      app.get(p, async (c) => {
        const { query, actor } = await input(engine, c);
        return c.json(paginate(listOwned(engine, kind, actor, matches(query, ["status", "currency", "type"])), pageOf(query)));
      });
      app.get(`${p}/:id`, async (c) => {
        const { actor } = await input(engine, c);
        return c.json(wire(owned(engine, kind, c.req.param("id"), actor, label)));
      });
    }
  };
  readOnly(["/v2/funding", "/v2/fundings"], "funding", "funding");
  readOnly(["/v2/deductions"], "deduction", "deduction");

  for (const p of ["/v2/transfers", "/v2/internal-transfers"]) {
    app.post(p, async (c) => {
      const { body, actor } = await input(engine, c);
      const b = parse(transferSchema, body);
      const transfer = await engine.write((tx) => createTransfer(tx, actor, b));
      return c.json(wire(transfer));
    });
    app.get(p, async (c) => {
      const { query, actor } = await input(engine, c);
      const mine = (d: { senderAccountId: string; receiverAccountId: string; _partnerId: string }) =>
        d._partnerId === actor.partner.id && (d.senderAccountId === actor.accountId || d.receiverAccountId === actor.accountId);
      const items = [...engine.state.all("transfer")].filter((d) => mine(d as never) && matches(query, ["status", "currency"])(d))
        .sort((a, b) => b._seq - a._seq)
        .map((d) => ({ ...d, type: d.senderAccountId === actor.accountId ? "sent" : "received" }));
      return c.json(paginate(items, pageOf(query)));
    });
    app.get(`${p}/:id`, async (c) => {
      const { actor } = await input(engine, c);
      const d = engine.state.get("transfer", c.req.param("id"));
      if (!d || d._partnerId !== actor.partner.id || (d.senderAccountId !== actor.accountId && d.receiverAccountId !== actor.accountId)) {
        return c.json({ message: "transfer not found", error_code: "NOT_FOUND" }, 404);
      }
      return c.json(wire({ ...d, type: d.senderAccountId === actor.accountId ? "sent" : "received" }));
    });
  }
}
