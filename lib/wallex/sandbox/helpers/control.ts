import type { ManualClock } from "../clock";
import type { Engine } from "../engine";
import { badState, invalid, notFound } from "../errors";
import { parseAmount } from "../arithmetic";
import type { RequestFault, WebhookFault } from "../runtime";
import type { Doc, Kind } from "../store/types";
import type { Features, ProvisionRequest } from "../types";
import { wire } from "../wire";
import { payRequest, receiveCollection, settleCollection } from "../domain/collections";
import { moveConversion, nextConversionStatus } from "../domain/conversions";
import { createDeduction, createFunding, settleFunding } from "../domain/funding";
import { assertHoldable } from "../domain/ledger";
import { movePayment, nextPaymentStatus, receiveBankTransfer } from "../domain/payments";
import { settleTransfer } from "../domain/transfers";
import { setUserStatus } from "../domain/users";

export type Money = {
  currency: string;
  amount: number | string;
  accountId?: string;
  reference?: string;
  description?: string;
  pending?: boolean;
};

/** Test controls: the same operations the /_sandbox HTTP helpers expose, for in-process tests. */
export function createControl(engine: Engine, clock: ManualClock) {
  const partnerId = (id?: string) => {
    const p = id ? engine.partners.get(id) : engine.partners.values().next().value;
    if (!p) throw notFound("partner");
    return p.id;
  };
  const mine = (pid: string, kind: Kind, id: string, label: string): Doc => {
    const doc = engine.state.get(kind, id);
    if (!doc || doc._partnerId !== pid) throw notFound(label);
    return doc;
  };
  const accountOf = (pid: string, accountId?: string) => {
    const id = accountId ?? engine.partners.get(pid)!.accountId;
    mine(pid, "account", id, "account");
    return id;
  };

  return {
    /** Moves the manual clock forward and runs whatever became due (timers, retries). */
    async advance(ms: number) {
      if (!clock.manual) throw badState("the sandbox runs on the system clock; advance needs a manual clock");
      clock.advance(ms);
      await engine.settle();
    },
    /** Runs due jobs and waits for in-flight webhook deliveries. */
    settle: () => engine.settle(),
    now: () => new Date(engine.now()).toISOString(),
    partners: () => [...engine.partners.values()].map(({ secretAccessKey: _s, ...p }) => p),
    /** A new partner with freshly generated credentials (kept in the store); again for the same id re-issues them. */
    provisionPartner: (request: ProvisionRequest) => engine.provision(request),
    /** Which partner an API key belongs to (its id), if any. */
    partnerIdForKey: (apiKey: string | null | undefined) => engine.partnerByKey(apiKey)?.id,

    decideUser: (userId: string, status: string, reason?: string, partner?: string) =>
      engine.write((tx) =>
        wire(setUserStatus(engine, tx, mine(partnerId(partner), "user", userId, "user"), status, reason)),
      ),

    advancePayment: (id: string, status?: string, reason?: string, partner?: string) =>
      engine.write((tx) => {
        const p = mine(partnerId(partner), "payment", id, "payment");
        const legacy = engine.options.legacyPaymentStatuses;
        const to =
          status ??
          nextPaymentStatus(p, legacy) ??
          (p.status === (legacy ? "processing" : "under_review") ? (legacy ? "completed" : "processing") : undefined);
        if (!to) throw badState(`payment is ${p.status}; give a status to move it`);
        return wire(movePayment(engine, tx, tx.get("payment", id)!, to, reason));
      }),
    payByBankTransfer: (id: string, partner?: string) =>
      engine.write((tx) => wire(receiveBankTransfer(engine, tx, mine(partnerId(partner), "payment", id, "payment")))),

    advanceConversion: (id: string, status?: string, reason?: string, partner?: string) =>
      engine.write((tx) => {
        const c = mine(partnerId(partner), "conversion", id, "conversion");
        const to = status ?? nextConversionStatus(c);
        if (!to) throw badState(`conversion is ${c.status}; give a status to move it`);
        return wire(moveConversion(engine, tx, c, to, reason));
      }),

    settleTransfer: (id: string, status: "completed" | "rejected" | "failed", reason?: string, partner?: string) =>
      engine.write((tx) =>
        wire(settleTransfer(tx, mine(partnerId(partner), "transfer", id, "transfer"), status, reason)),
      ),

    /** Money arrives on a virtual account; completed at once unless `complete: false`. */
    creditCollection: (
      args: {
        collectionAccountId: string;
        amount: number | string;
        senderName?: string;
        senderAccountNumber?: string;
        paymentType?: string;
        reference?: string;
        complete?: boolean;
      },
      partner?: string,
    ) =>
      engine.write((tx) => {
        const va = mine(partnerId(partner), "collectionAccount", args.collectionAccountId, "collection account");
        const col = receiveCollection(engine, tx, va, {
          ...args,
          amount: parseAmount(args.amount, "amount", va.currency),
        });
        if (args.complete === false) {
          if (engine.delays)
            engine.schedule(tx, va._partnerId, "collection.complete", col.id, engine.delays.collection);
          return wire(col);
        }
        return wire(settleCollection(engine, tx, col));
      }),
    settleCollection: (id: string, status?: "completed" | "rejected", reason?: string, partner?: string) =>
      engine.write((tx) =>
        wire(settleCollection(engine, tx, mine(partnerId(partner), "collection", id, "collection"), status, reason)),
      ),
    payCollectionRequest: (id: string, amount?: number | string, partner?: string) =>
      engine.write((tx) => {
        const r = mine(partnerId(partner), "collectionRequest", id, "collection request");
        return wire(
          payRequest(engine, tx, r, amount === undefined ? undefined : parseAmount(amount, "amount", r.currency)),
        );
      }),

    topUp: (m: Money, partner?: string) =>
      engine.write((tx) => {
        const pid = partnerId(partner);
        if (typeof m.currency !== "string") throw invalid("currency", "is required");
        assertHoldable(m.currency, "currency");
        return wire(
          createFunding(engine, tx, {
            partnerId: pid,
            accountId: accountOf(pid, m.accountId),
            currency: m.currency,
            amount: parseAmount(m.amount, "amount", m.currency),
            type: "bank_transfer",
            reference: m.reference,
            description: m.description,
            pending: m.pending === true,
          }),
        );
      }),
    settleFunding: (id: string, status: "completed" | "failed" | "rejected", reason?: string, partner?: string) =>
      engine.write((tx) =>
        wire(settleFunding(engine, tx, mine(partnerId(partner), "funding", id, "funding"), status, reason)),
      ),
    deduct: (m: Money, partner?: string) =>
      engine.write((tx) => {
        const pid = partnerId(partner);
        if (typeof m.currency !== "string") throw invalid("currency", "is required");
        assertHoldable(m.currency, "currency");
        return wire(
          createDeduction(engine, tx, {
            partnerId: pid,
            accountId: accountOf(pid, m.accountId),
            currency: m.currency,
            amount: parseAmount(m.amount, "amount", m.currency),
            type: "fee",
            reference: m.reference,
            description: m.description,
          }),
        );
      }),

    /** Flips feature flags at runtime (process-local; the partner options stay the source at start). */
    setFeatures: (features: Partial<Features>, partner?: string) => {
      const p = engine.partners.get(partnerId(partner))!;
      for (const [k, v] of Object.entries(features)) {
        if (!(k in p.features)) throw invalid(k, "unknown feature");
        if (typeof v !== "boolean") throw invalid(k, "must be true or false");
      }
      p.features = { ...p.features, ...features };
      return p.features;
    },
    failNextRequests: (fault: RequestFault, partner?: string) =>
      engine.runtime.setRequestFault(partnerId(partner), { ...fault }),
    webhookFault: (mode: WebhookFault, count = 1, partner?: string) =>
      engine.runtime.addWebhookFault(partnerId(partner), mode, count),
    /** Drops or duplicates each notification with probability `rate` (0 turns it off). */
    webhookFaultRate: (mode: WebhookFault, rate: number, partner?: string) =>
      engine.runtime.setWebhookFaultRate(partnerId(partner), { mode, rate }),
    emitWebhook: (
      payload: {
        resource: string;
        resourceId: string;
        status: string;
        accountId?: string;
        reason?: string;
        remarks?: string;
      },
      partner?: string,
    ) => engine.write((tx) => engine.notify(tx, partnerId(partner), payload)),
    deliveries: (partner?: string) =>
      [...engine.state.all("delivery")]
        .filter((d) => d._partnerId === partnerId(partner))
        .sort((a, b) => b._seq - a._seq)
        .map(wire),
    requests: (partner?: string) => engine.runtime.requests(partnerId(partner)),
    reset: (partner?: string) => engine.reset(partner ? partnerId(partner) : undefined),
  };
}

export type SandboxControl = ReturnType<typeof createControl>;
