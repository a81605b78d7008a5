import type { Hono } from "hono";
import { z } from "zod";
import type { Engine } from "../engine";
import { notFound } from "../errors";
import type { Actor } from "../on-behalf-of";
import type { Doc } from "../store/types";
import { input, listOwned, matches, owned, type Env } from "../http";
import { pageOf, paginate } from "../pagination";
import { parse } from "../validation";
import { wire } from "../wire";
import { createTransfer } from "../domain/transfers";

const transferSchema = z
  .object({
    receiverAccountId: z.string().min(1),
    amount: z.unknown(),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
    purposesOfTransfer: z.string().min(1).optional(),
    purposeOfTransfer: z.string().min(1).optional(),
    reference: z.string().max(140).optional(),
    remarks: z.string().max(500).optional(),
    supportingDocuments: z.array(z.string()).optional(),
  })
  .refine((b) => b.purposesOfTransfer || b.purposeOfTransfer, { path: ["purposesOfTransfer"], message: "is required" });

/** A transfer is visible to both accounts; `type` says which side the caller is on. */
const involves = (d: Doc, actor: Actor) =>
  d._partnerId === actor.partner.id &&
  (d.senderAccountId === actor.accountId || d.receiverAccountId === actor.accountId);
const asSeenBy = (d: Doc, actor: Actor) => ({
  ...d,
  type: d.senderAccountId === actor.accountId ? "sent" : "received",
});

/** Fundings, deductions (read-only: Wallex creates them) and internal transfers. */
export function fundingRoutes(app: Hono<Env>, engine: Engine) {
  const readOnly = (paths: string[], kind: "funding" | "deduction", label: string) => {
    for (const p of paths) {
      app.get(p, async (c) => {
        const { query, actor } = await input(engine, c);
        return c.json(
          paginate(listOwned(engine, kind, actor, matches(query, ["status", "currency", "type"])), pageOf(query)),
        );
      });
      app.get(`${p}/:id`, async (c) => {
        const { actor } = await input(engine, c);
        return c.json(wire(owned(engine, kind, c.req.param("id"), actor, label)));
      });
    }
  };
  readOnly(["/v2/fundings", "/v2/funding"], "funding", "funding");
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
      const items = [...engine.state.all("transfer")]
        .filter((d) => involves(d, actor) && matches(query, ["status", "currency"])(d))
        .sort((a, b) => b._seq - a._seq);
      return c.json(
        paginate(
          items.map((d) => asSeenBy(d, actor)),
          pageOf(query),
        ),
      );
    });
    app.get(`${p}/:id`, async (c) => {
      const { actor } = await input(engine, c);
      const d = engine.state.get("transfer", c.req.param("id"));
      if (!d || !involves(d, actor)) throw notFound("transfer");
      return c.json(wire(asSeenBy(d, actor)));
    });
  }
}
