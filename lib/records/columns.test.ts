import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { listMirrorRecords } from "@/lib/data/mirror";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { applyToMirror } from "@/lib/wallex/mirror/store";
import { RESOURCE_KINDS, RESOURCES, type ResourceKind, type WallexObject } from "@/lib/records/mirror-tables";
import { RECORD_COLUMNS, recordColumns } from "./columns";

/**
 * Each kind's page shows the columns staff look for, read from the mirror row and its raw object.
 * Objects are shaped as shared/wallex-api and the sandbox return them, stored through the mirror's
 * own write path and read back through the page's query.
 */
const db = getDb();
let scope: StaffScope;
const created = "2025-12-01T08:00:00Z";

const OBJECTS: Record<ResourceKind, WallexObject> = {
  user: {
    id: "user-1",
    userId: "user-1",
    accountId: "acc-1",
    email: "ana@example.com",
    firstName: "Ana",
    lastName: "Lim",
    accountType: "individual",
    status: "document_needs_resubmission",
    statusReason: "Proof of address is older than 3 months",
    createdAt: created,
  },
  document: {
    id: "doc-1",
    userId: "user-1",
    accountId: "acc-1",
    documentType: "passport",
    status: "rejected",
    statusReason: "Blurred",
    createdAt: created,
  },
  beneficiary: {
    id: "ben-1",
    accountId: "acc-1",
    nickname: "Landlord",
    type: "swift",
    country: "US",
    bankAccount: { bankAccountHolderName: "Tan Properties LLC", bankName: "Chase", country: "US", currency: "USD" },
    createdAt: created,
  },
  quote: {
    id: "quote-1",
    quoteId: "quote-1",
    kind: "payment",
    accountId: "acc-1",
    sellCurrency: "SGD",
    sellAmount: "1342.28",
    buyCurrency: "USD",
    buyAmount: "1000.00",
    rate: "0.7450",
    expiresAt: "2025-12-01T08:01:00Z",
    createdAt: created,
  },
  payment: {
    id: "pay-1",
    accountId: "acc-1",
    status: "failed",
    failureReason: "payout_failed",
    sellCurrency: "SGD",
    sellAmount: "1342.28",
    totalAmount: "1345.28",
    buyCurrency: "USD",
    buyAmount: "1000.00",
    rate: "0.7450",
    paymentReference: "INV-2025/114 rent",
    referenceId: "pd-intent-1",
    beneficiaryId: "ben-1",
    beneficiary: {
      beneficiaryId: "ben-1",
      nickname: "Landlord",
      bankAccount: { bankAccountHolderName: "Tan Properties LLC", currency: "USD" },
    },
    createdAt: created,
  },
  conversion: {
    id: "conv-1",
    accountId: "acc-1",
    status: "completed",
    sellCurrency: "SGD",
    sellAmount: "100.00",
    buyCurrency: "JPY",
    buyAmount: 11250,
    rate: "112.5",
    referenceId: "pd-conv-1",
    createdAt: created,
  },
  collectionAccount: {
    id: "va-1",
    accountId: "acc-1",
    name: "Ana's SGD account",
    reference: "ANA-SGD",
    currency: "SGD",
    status: "active",
    createdAt: created,
  },
  collection: {
    id: "col-1",
    accountId: "acc-1",
    collectionAccountId: "va-1",
    currency: "SGD",
    amount: "499.50",
    status: "completed",
    reference: "ORDER-9",
    sender: { name: "Sandbox Payer Ltd" },
    createdAt: created,
  },
  collectionRequest: {
    id: "cr-1",
    accountId: "acc-1",
    status: "pending",
    amount: "200.00",
    currency: "SGD",
    paidAmount: "50.00",
    reference: "REQ-1",
    invoiceNumber: "INV-7",
    payer: { name: "Bob" },
    dueDate: "2025-12-31",
    createdAt: created,
  },
  balance: { id: "bal-1", accountId: "acc-1", currency: "JPY", amount: "15000.4", updatedAt: created },
  balanceHistory: {
    id: "entry-1",
    accountId: "acc-1",
    balanceId: "bal-2",
    currency: "SGD",
    amount: "2500.00",
    direction: "credit",
    type: "funding",
    relatedEntityType: "funding",
    relatedEntityId: "fund-1",
    status: "completed",
    balanceBefore: "0.00",
    balanceAfter: "2500.00",
    createdAt: created,
  },
  funding: {
    id: "fund-1",
    accountId: "acc-1",
    currency: "USD",
    amount: "2500",
    reference: "WXF-1",
    type: "bank_transfer",
    status: "failed",
    failureReason: "unmatched_reference",
    createdAt: created,
  },
  deduction: {
    id: "ded-1",
    accountId: "acc-1",
    currency: "SGD",
    amount: "5",
    reference: "WXD-1",
    type: "fee",
    reason: "monthly fee",
    status: "completed",
    createdAt: created,
  },
  transfer: {
    id: "tr-1",
    senderAccountId: "acc-1",
    receiverAccountId: "acc-2",
    currency: "SGD",
    amount: "10.5",
    reference: "Split",
    status: "completed",
    createdAt: created,
  },
};

const HEADERS: Record<ResourceKind, string[]> = {
  user: ["Wallex ID", "Name", "Email", "Type", "KYC status", "Wallex's reason", "Registered", "Last read"],
  document: ["Wallex ID", "Member", "Document type", "Status", "Wallex's reason", "Created", "Last read"],
  beneficiary: [
    "Wallex ID",
    "Member",
    "Nickname",
    "Account holder",
    "Bank",
    "Country",
    "Currency",
    "Status",
    "Created",
    "Last read",
  ],
  quote: ["Wallex ID", "Member", "For", "Sell", "Buy", "Rate", "Expires", "Created", "Last read"],
  payment: [
    "Wallex ID",
    "Member",
    "Beneficiary",
    "Amount",
    "Beneficiary gets",
    "Payment reference",
    "Our reference",
    "Status",
    "Wallex's reason",
    "Created",
    "Last read",
  ],
  conversion: [
    "Wallex ID",
    "Member",
    "Sell",
    "Buy",
    "Rate",
    "Our reference",
    "Status",
    "Wallex's reason",
    "Created",
    "Last read",
  ],
  collectionAccount: ["Wallex ID", "Member", "Name", "Reference", "Currency", "Status", "Created", "Last read"],
  collection: [
    "Wallex ID",
    "Member",
    "Amount",
    "Payer",
    "Reference",
    "Status",
    "Wallex's reason",
    "Created",
    "Last read",
  ],
  collectionRequest: [
    "Wallex ID",
    "Member",
    "Amount",
    "Payer",
    "Reference",
    "Invoice",
    "Paid",
    "Due",
    "Status",
    "Created",
    "Last read",
  ],
  balance: ["Wallex ID", "Member", "Currency", "Balance", "Updated", "Last read"],
  balanceHistory: [
    "Wallex ID",
    "Member",
    "Type",
    "Direction",
    "Amount",
    "Running balance",
    "For",
    "Reference",
    "Created",
    "Last read",
  ],
  funding: ["Wallex ID", "Member", "Amount", "Type", "Reference", "Status", "Wallex's reason", "Created", "Last read"],
  deduction: [
    "Wallex ID",
    "Member",
    "Amount",
    "Type",
    "Reference",
    "Status",
    "Wallex's reason",
    "Created",
    "Last read",
  ],
  transfer: [
    "Wallex ID",
    "From",
    "To account",
    "Amount",
    "Reference",
    "Status",
    "Wallex's reason",
    "Created",
    "Last read",
  ],
};

/** The row of `wallexId` on its kind's page, as header → shown text (non-breaking spaces as plain ones). */
async function shown(kind: ResourceKind, wallexId: string) {
  const { rows } = await listMirrorRecords(db, scope, kind, { page: 1, q: wallexId });
  const row = rows.find((r) => r.wallexId === wallexId);
  if (!row) throw new Error(`${kind} ${wallexId} is not listed`);
  return Object.fromEntries(recordColumns(kind).map((c) => [c.header, c.value(row)?.replace(/\u00a0/g, " ") ?? null]));
}

beforeAll(async () => {
  ({ scope } = await createStaff(await createPartner(), "viewer"));
  const readAt = new Date();
  await applyToMirror(db, scope, RESOURCES.user, { ...OBJECTS.user, id: "user-acc-1" }, { readAt, source: "write" });
  for (const kind of RESOURCE_KINDS) {
    await applyToMirror(db, scope, RESOURCES[kind], OBJECTS[kind], {
      readAt,
      source: "write",
      accountId: kind === "transfer" ? "acc-1" : undefined,
    });
  }
});

describe("the columns of each kind of record", () => {
  test("every kind has its own header list, with unique keys", () => {
    for (const kind of RESOURCE_KINDS) {
      expect(
        RECORD_COLUMNS[kind].map((c) => c.header),
        kind,
      ).toEqual(HEADERS[kind]);
      const keys = RECORD_COLUMNS[kind].map((c) => c.key);
      expect(new Set(keys).size, kind).toBe(keys.length);
    }
  });

  test("members: name, type, KYC status and Wallex's reason", async () => {
    expect(await shown("user", "user-1")).toMatchObject({
      "Wallex ID": "user-1",
      Name: "Ana Lim",
      Email: "ana@example.com",
      Type: "individual",
      "KYC status": "document_needs_resubmission",
      "Wallex's reason": "Proof of address is older than 3 months",
      Registered: "1 Dec 2025, 08:00 UTC",
    });
    await applyToMirror(
      db,
      scope,
      RESOURCES.user,
      { ...OBJECTS.user, id: "user-co", accountType: "company", companyName: "Lim Trading Pte Ltd" },
      { readAt: new Date(), source: "write" },
    );
    expect((await shown("user", "user-co")).Name).toBe("Lim Trading Pte Ltd");
  });

  test("payments: beneficiary, amount, the person's payment reference and ours apart, Wallex's reason", async () => {
    expect(await shown("payment", "pay-1")).toMatchObject({
      Member: "ana@example.com",
      Beneficiary: "Tan Properties LLC",
      Amount: "SGD 1,345.28",
      "Beneficiary gets": "USD 1,000.00",
      "Payment reference": "INV-2025/114 rent",
      "Our reference": "pd-intent-1",
      Status: "failed",
      "Wallex's reason": "payout_failed",
    });
  });

  test("history entries: credit or debit, and the running balance where Wallex gives it", async () => {
    expect(await shown("balanceHistory", "entry-1")).toMatchObject({
      Direction: "credit",
      Amount: "SGD 2,500.00",
      "Running balance": "SGD 2,500.00",
      For: "funding",
    });
    // No direction field: the sign says it; no balanceAfter: nothing is made up.
    const signed = {
      id: "entry-2",
      accountId: "acc-1",
      currency: "SGD",
      amount: "-80.00",
      type: "payment",
      createdAt: created,
    };
    await applyToMirror(db, scope, RESOURCES.balanceHistory, signed, { readAt: new Date(), source: "write" });
    expect(await shown("balanceHistory", "entry-2")).toMatchObject({
      Direction: "debit",
      Amount: "-SGD 80.00",
      "Running balance": null,
    });
  });

  test("quotes: both sides, the rate as Wallex gave it and the expiry", async () => {
    expect(await shown("quote", "quote-1")).toMatchObject({
      For: "payment",
      Sell: "SGD 1,342.28",
      Buy: "USD 1,000.00",
      Rate: "0.7450",
      Expires: "1 Dec 2025, 08:01 UTC",
    });
    expect(await shown("conversion", "conv-1")).toMatchObject({
      Sell: "SGD 100.00",
      Buy: "JPY 11,250",
      Rate: "112.5",
      "Our reference": "pd-conv-1",
    });
  });

  test("balances: the currency's precision, and no status or reference columns", async () => {
    expect(await shown("balance", "bal-1")).toEqual({
      "Wallex ID": "bal-1",
      Member: "ana@example.com",
      Currency: "JPY",
      Balance: "JPY 15,000",
      Updated: "1 Dec 2025, 08:00 UTC",
      "Last read": expect.any(String),
    });
  });

  test("the other kinds read their own fields", async () => {
    expect(await shown("beneficiary", "ben-1")).toMatchObject({
      Nickname: "Landlord",
      "Account holder": "Tan Properties LLC",
      Bank: "Chase",
      Country: "US",
      Currency: "USD",
    });
    expect(await shown("document", "doc-1")).toMatchObject({
      "Document type": "passport",
      Status: "rejected",
      "Wallex's reason": "Blurred",
    });
    expect(await shown("collectionAccount", "va-1")).toMatchObject({
      Name: "Ana's SGD account",
      Reference: "ANA-SGD",
      Currency: "SGD",
    });
    expect(await shown("collection", "col-1")).toMatchObject({
      Amount: "SGD 499.50",
      Payer: "Sandbox Payer Ltd",
      Reference: "ORDER-9",
    });
    expect(await shown("collectionRequest", "cr-1")).toMatchObject({
      Amount: "SGD 200.00",
      Paid: "SGD 50.00",
      Payer: "Bob",
      Invoice: "INV-7",
      Due: "2025-12-31",
    });
    expect(await shown("funding", "fund-1")).toMatchObject({
      Amount: "USD 2,500.00",
      Reference: "WXF-1",
      "Wallex's reason": "unmatched_reference",
    });
    expect(await shown("deduction", "ded-1")).toMatchObject({
      Amount: "SGD 5.00",
      Type: "fee",
      "Wallex's reason": "monthly fee",
    });
    expect(await shown("transfer", "tr-1")).toMatchObject({
      From: "ana@example.com",
      "To account": "acc-2",
      Amount: "SGD 10.50",
    });
  });
});

test("the payments list keeps the secondary columns to wide screens and the record page", () => {
  const listed = recordColumns("payment").filter((c) => c.list !== "never");
  expect(listed.map((c) => c.header)).toEqual([
    "Wallex ID",
    "Member",
    "Beneficiary",
    "Amount",
    "Payment reference",
    "Our reference",
    "Status",
    "Created",
  ]);
  expect(listed.filter((c) => c.list === "wide").map((c) => c.header)).toEqual(["Our reference"]);
});
