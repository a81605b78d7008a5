import { eq } from "drizzle-orm";
import { getDb, getPool } from "@/db";
import { partners } from "@/db/schema";
import { auditedFor } from "@/lib/audit/audited";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { registerWebhook } from "@/lib/services/wallex-connection/webhook";
import { closeEmbeddedSandbox, getEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { perform, requestQuote } from "@/lib/wallex/mirror/operations";
import { reconcileEverything } from "@/lib/wallex/mirror/reconcile";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { DEMO_PARTNER_SLUG } from "./seed-demo";

const members = [
  { email: "mei.tan@example.com", firstName: "Mei", lastName: "Tan", decision: "approved" },
  { email: "lion.supplies@example.com", firstName: "Wei", lastName: "Lim", decision: "approved" },
  { email: "arjun.rao+hold@example.com", firstName: "Arjun", lastName: "Rao", decision: "pending_approval" },
  { email: "sara.lee@example.com", firstName: "Sara", lastName: "Lee", decision: "document_needs_resubmission" },
] as const;

/**
 * Gives the demo partner something to look at on first start: members in each compliance state,
 * money on the approved ones, a supplier, payments at several stages and a conversion, all made
 * through the embedded sandbox the way the app makes them, then read into the mirror. The
 * webhook is registered too, so the sandbox's later progress reaches the app.
 */
export async function seedDemoActivity() {
  const db = getDb();
  const sandbox = await getEmbeddedSandbox();
  try {
    const [partner] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG));
    if (!partner) throw new Error(`No demo partner "${DEMO_PARTNER_SLUG}" to seed activity for.`);
    const scope = mintJobScope(partner.id, "seed-demo-activity");
    const client = await wallexClientFor(db, scope);
    await registerWebhook(db, scope, auditedFor(db, scope, "settings.webhook_registered"));
    const approved: string[] = [];
    for (const member of members) {
      const user = await client.users.signup({ body: { ...member, countryCode: "SG", accountType: "individual" } });
      await sandbox.control.decideUser(user.id, "pending_approval", undefined, partner.id);
      if (member.decision !== "pending_approval") {
        const reason = member.decision === "approved" ? undefined : "Proof of address is older than 3 months";
        await sandbox.control.decideUser(user.id, member.decision, reason, partner.id);
      }
      if (member.decision === "approved") approved.push(String(user.accountId));
    }
    for (const accountId of approved) {
      await sandbox.control.topUp(
        { currency: "SGD", amount: 50_000, accountId, reference: "Opening balance" },
        partner.id,
      );
      await sandbox.control.topUp(
        { currency: "USD", amount: 20_000, accountId, reference: "Opening balance" },
        partner.id,
      );
    }

    const [mei] = approved;
    const beneficiary = await client.beneficiaries.create(
      {
        body: {
          nickname: "Lion Supplies",
          entityType: "company",
          companyName: "Lion Supplies Pte Ltd",
          address: "1 Fusionopolis Way",
          city: "Singapore",
          country: "SG",
          bankAccount: {
            accountNumber: "0123456789",
            bankAccountHolderName: "Lion Supplies Pte Ltd",
            bankName: "DBS Bank Ltd",
            country: "SG",
            currency: "SGD",
          },
        },
      },
      { onBehalfOf: { account: mei } },
    );
    const payments: string[] = [];
    for (const amount of ["1250.00", "480.50", "3200.00"]) {
      const quote = await requestQuote(
        db,
        client,
        scope,
        "payment",
        { sellCurrency: "SGD", amount, beneficiaryId: beneficiary.id },
        mei,
      );
      const input = {
        quoteId: String(quote.quoteId),
        purposeOfTransfer: "goods_purchase",
        fundingSource: "wallet",
        paymentReference: "INV-2026-11",
      };
      payments.push(
        (
          await perform(db, client, scope, "createPayment", {
            idempotencyKey: `demo-payment-${amount}`,
            input,
            accountId: mei,
          })
        ).wallexId,
      );
    }
    for (const id of payments.slice(0, 2))
      await perform(db, client, scope, "fundPayment", {
        idempotencyKey: `fund:${id}`,
        input: { paymentId: id },
        accountId: mei,
      });
    for (const status of ["processing", "in_transit", "completed"])
      await sandbox.control.advancePayment(payments[0], status, undefined, partner.id);

    const conversionQuote = await requestQuote(
      db,
      client,
      scope,
      "conversion",
      { sellCurrency: "SGD", buyCurrency: "USD", amount: "5000.00" },
      mei,
    );
    const conversion = await perform(db, client, scope, "createConversion", {
      idempotencyKey: "demo-conversion",
      input: { quoteId: String(conversionQuote.quoteId) },
      accountId: mei,
    });
    await perform(db, client, scope, "fundConversion", {
      idempotencyKey: `fund:${conversion.wallexId}`,
      input: { conversionId: conversion.wallexId },
      accountId: mei,
    });
    await sandbox.control.advanceConversion(conversion.wallexId, undefined, undefined, partner.id);

    await reconcileEverything(db, scope);
  } finally {
    await closeEmbeddedSandbox();
    await getPool().end();
  }
}
