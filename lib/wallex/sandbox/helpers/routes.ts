import type { Hono } from "hono";
import type { ManualClock } from "../clock";
import type { Engine } from "../engine";
import { invalid } from "../errors";
import { readBody, type Ctx, type Env } from "../http";
import { MAGIC_VALUES } from "../magic-values";
import { pageOf, paginate } from "../pagination";
import { createControl } from "./control";

/**
 * Sandbox-only test helpers under /_sandbox (never part of Wallex). They need X-Api-Key (which
 * partner) but no token, and are neither rate limited nor subject to injected faults.
 */
export function helperRoutes(app: Hono<Env>, engine: Engine) {
  const control = createControl(engine, engine.clock as ManualClock);
  const pid = (c: Ctx) => c.get("partner").id;
  const str = (v: unknown, field: string) => {
    if (v !== undefined && typeof v !== "string") throw invalid(field, "must be a string");
    return v as string | undefined;
  };

  app.get("/_sandbox", (c) =>
    c.json({
      helpers: [
        "POST /_sandbox/users/{userId}/decision {status, reason?}",
        "POST /_sandbox/payments/{id}/advance {status?, reason?}",
        "POST /_sandbox/payments/{id}/bank-transfer",
        "POST /_sandbox/conversions/{id}/advance {status?, reason?}",
        "POST /_sandbox/transfers/{id}/settle {status, reason?}",
        "POST /_sandbox/collections {collectionAccountId, amount, senderName?, reference?, complete?}",
        "POST /_sandbox/collections/{id}/settle {status?}",
        "POST /_sandbox/collection-requests/{id}/pay {amount?}",
        "POST /_sandbox/balances/top-up {currency, amount, accountId?, reference?, pending?}",
        "POST /_sandbox/fundings/{id}/settle {status, reason?}",
        "POST /_sandbox/deductions {currency, amount, accountId?, description?}",
        "POST /_sandbox/faults {count | rate, status?, delayMs?, message?, after?}",
        "POST /_sandbox/webhooks/faults {mode: drop|duplicate, count? | rate?}",
        "POST /_sandbox/webhooks/emit {resource, resourceId, status, ...}",
        "GET /_sandbox/webhooks/deliveries",
        "GET|POST /_sandbox/features {signup?, signupLiteCompany?, signupLiteIndividual?, partnerCollectionAccounts?, beneficiaryValidation?, collections?}",
        "GET /_sandbox/requests",
        "POST /_sandbox/reset",
        "POST /_sandbox/clock/advance {ms} (manual clock only)",
        "POST /_sandbox/settle",
      ],
      magicValues: MAGIC_VALUES,
    }),
  );

  app.post("/_sandbox/users/:id/decision", async (c) => {
    const b = await readBody(c);
    if (typeof b.status !== "string") throw invalid("status", "is required");
    return c.json(await control.decideUser(c.req.param("id"), b.status, str(b.reason, "reason"), pid(c)));
  });
  app.post("/_sandbox/payments/:id/advance", async (c) => {
    const b = await readBody(c);
    return c.json(
      await control.advancePayment(c.req.param("id"), str(b.status, "status"), str(b.reason, "reason"), pid(c)),
    );
  });
  app.post("/_sandbox/payments/:id/bank-transfer", async (c) =>
    c.json(await control.payByBankTransfer(c.req.param("id"), pid(c))),
  );
  app.post("/_sandbox/conversions/:id/advance", async (c) => {
    const b = await readBody(c);
    return c.json(
      await control.advanceConversion(c.req.param("id"), str(b.status, "status"), str(b.reason, "reason"), pid(c)),
    );
  });
  app.post("/_sandbox/transfers/:id/settle", async (c) => {
    const b = await readBody(c);
    if (!["completed", "rejected", "failed"].includes(b.status))
      throw invalid("status", "must be completed, rejected or failed");
    return c.json(await control.settleTransfer(c.req.param("id"), b.status, str(b.reason, "reason"), pid(c)));
  });
  app.post("/_sandbox/collections", async (c) => {
    const b = await readBody(c);
    if (typeof b.collectionAccountId !== "string") throw invalid("collectionAccountId", "is required");
    return c.json(await control.creditCollection(b as never, pid(c)));
  });
  app.post("/_sandbox/collections/:id/settle", async (c) => {
    const b = await readBody(c);
    if (b.status !== undefined && !["completed", "rejected"].includes(b.status))
      throw invalid("status", "must be completed or rejected");
    return c.json(await control.settleCollection(c.req.param("id"), b.status, str(b.reason, "reason"), pid(c)));
  });
  app.post("/_sandbox/collection-requests/:id/pay", async (c) => {
    const b = await readBody(c);
    return c.json(await control.payCollectionRequest(c.req.param("id"), b.amount, pid(c)));
  });
  app.post("/_sandbox/balances/top-up", async (c) => c.json(await control.topUp((await readBody(c)) as never, pid(c))));
  app.post("/_sandbox/fundings/:id/settle", async (c) => {
    const b = await readBody(c);
    if (!["completed", "failed", "rejected"].includes(b.status))
      throw invalid("status", "must be completed, failed or rejected");
    return c.json(await control.settleFunding(c.req.param("id"), b.status, str(b.reason, "reason"), pid(c)));
  });
  app.post("/_sandbox/deductions", async (c) => c.json(await control.deduct((await readBody(c)) as never, pid(c))));

  app.get("/_sandbox/features", (c) => c.json(c.get("partner").features));
  app.post("/_sandbox/features", async (c) => c.json(control.setFeatures((await readBody(c)) as never, pid(c))));
  app.post("/_sandbox/faults", async (c) => {
    const b = await readBody(c);
    const count = b.count ?? 1;
    if (!Number.isInteger(count) || count < 0) throw invalid("count", "must be a non-negative integer");
    if (b.status !== undefined && (!Number.isInteger(b.status) || b.status < 400 || b.status > 599))
      throw invalid("status", "must be an HTTP error status 400-599");
    if (b.delayMs !== undefined && (!Number.isInteger(b.delayMs) || b.delayMs < 0 || b.delayMs > 120_000))
      throw invalid("delayMs", "must be 0-120000");
    if (b.status === undefined && b.delayMs === undefined) throw invalid("status", "status or delayMs is required");
    if (b.rate !== undefined && (typeof b.rate !== "number" || b.rate < 0 || b.rate > 1))
      throw invalid("rate", "must be a number from 0 to 1");
    if (b.after !== undefined && typeof b.after !== "boolean") throw invalid("after", "must be a boolean");
    if (b.after && b.status === undefined) throw invalid("status", "after needs a status");
    const fault = {
      remaining: count,
      rate: b.rate,
      status: b.status,
      delayMs: b.delayMs,
      message: str(b.message, "message"),
      after: b.after,
    };
    control.failNextRequests(fault, pid(c));
    return c.json({
      remaining: count,
      rate: b.rate ?? null,
      status: b.status ?? null,
      delayMs: b.delayMs ?? 0,
      after: b.after ?? false,
    });
  });
  app.post("/_sandbox/webhooks/faults", async (c) => {
    const b = await readBody(c);
    if (b.mode !== "drop" && b.mode !== "duplicate") throw invalid("mode", "must be drop or duplicate");
    if (b.rate !== undefined) {
      if (typeof b.rate !== "number" || b.rate < 0 || b.rate > 1) throw invalid("rate", "must be a number from 0 to 1");
      control.webhookFaultRate(b.mode, b.rate, pid(c));
      return c.json({ mode: b.mode, rate: b.rate });
    }
    const count = b.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw invalid("count", "must be a positive integer");
    control.webhookFault(b.mode, count, pid(c));
    return c.json({ mode: b.mode, count });
  });
  app.post("/_sandbox/webhooks/emit", async (c) => {
    const b = await readBody(c);
    for (const f of ["resource", "resourceId", "status"]) if (typeof b[f] !== "string") throw invalid(f, "is required");
    await control.emitWebhook(b as never, pid(c));
    return c.json({ queued: true });
  });
  app.get("/_sandbox/webhooks/deliveries", (c) => c.json(paginate(control.deliveries(pid(c)), pageOf(c.req.query()))));
  app.get("/_sandbox/requests", (c) => c.json(paginate(control.requests(pid(c)), pageOf(c.req.query()))));
  app.post("/_sandbox/reset", async (c) => {
    await control.reset(pid(c));
    return c.json({ reset: true });
  });
  app.post("/_sandbox/clock/advance", async (c) => {
    const b = await readBody(c);
    if (!Number.isInteger(b.ms) || b.ms < 0) throw invalid("ms", "must be a non-negative integer");
    await control.advance(b.ms);
    return c.json({ now: control.now() });
  });
  app.post("/_sandbox/settle", async (c) => {
    await control.settle();
    return c.json({ now: control.now() });
  });
}
