import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/format-money";
import type { ResourceKind } from "@/lib/records/mirror-tables";

/** A mirror row as the records pages read it: the columns we project, the raw object, the member's e-mail. */
export type RecordRow = {
  id: string;
  wallexId: string;
  accountId: string | null;
  status: string | null;
  currency: string | null;
  amount: string | null;
  reference: string | null;
  wallexCreatedAt: Date | null;
  readAt: Date;
  member: string | null;
  data: Record<string, unknown>;
};

/** How a cell is drawn: the record link, a status badge, an amount (right-aligned figures), or text. */
export type CellStyle = "id" | "status" | "money" | "text" | "muted";

export type RecordColumn = {
  key: string;
  header: string;
  style: CellStyle;
  /** The text shown (null draws "—"). Read from the row or its raw object, never from Wallex. */
  value: (row: RecordRow) => string | null;
  /**
   * Where the list shows it: always (default), only on wide screens (2xl), or not at all, so the
   * list fits its card from a laptop up. The record page shows every column.
   */
  list?: "wide" | "never";
};

const wide = (column: RecordColumn): RecordColumn => ({ ...column, list: "wide" });
const detailOnly = (column: RecordColumn): RecordColumn => ({ ...column, list: "never" });

/** A field of the raw object by dotted path ("beneficiary.bankAccount.bankName"), as text or null. */
export function field(row: RecordRow, path: string): string | null {
  let value: unknown = row.data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "string") return value.trim() === "" ? null : value;
  // A JSON number is printed as written: the sandbox sends amounts as strings, and these are for display only.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

const firstOf = (row: RecordRow, ...paths: string[]) => paths.map((p) => field(row, p)).find((v) => v !== null) ?? null;
const money = (amount: string | null, currency: string | null) =>
  amount === null ? null : formatMoney(amount, currency);
const moment = (value: string | Date | null) => {
  const date = typeof value === "string" ? new Date(value) : value;
  return date && !Number.isNaN(date.getTime()) ? formatDateTime(date) : null;
};

const text = (key: string, header: string, value: RecordColumn["value"]): RecordColumn => ({
  key,
  header,
  style: "text",
  value,
});
const raw = (key: string, header: string, ...paths: string[]): RecordColumn =>
  text(key, header, (r) => firstOf(r, ...paths));
const amountOf = (key: string, header: string, amountPath: string, currencyPath: string): RecordColumn => ({
  key,
  header,
  style: "money",
  value: (r) => money(field(r, amountPath), field(r, currencyPath)),
});

const wallexId: RecordColumn = { key: "wallexId", header: "Wallex ID", style: "id", value: (r) => r.wallexId };
const member: RecordColumn = text("member", "Member", (r) => r.member ?? (r.accountId ? null : "Partner"));
const status = (header = "Status"): RecordColumn => ({
  key: "status",
  header,
  style: "status",
  value: (r) => r.status,
});
const amount = (header = "Amount"): RecordColumn => ({
  key: "amount",
  header,
  style: "money",
  value: (r) => money(r.amount, r.currency),
});
const reference = (header = "Reference"): RecordColumn => text("reference", header, (r) => r.reference);
const reason = detailOnly(raw("reason", "Wallex's reason", "failureReason", "statusReason", "reason"));
const currency = text("currency", "Currency", (r) => r.currency);
const created = (header = "Created"): RecordColumn => ({
  key: "created",
  header,
  style: "muted",
  value: (r) => moment(r.wallexCreatedAt),
});
const lastRead = detailOnly({ key: "readAt", header: "Last read", style: "muted", value: (r) => moment(r.readAt) });

/** A member's name as Wallex holds it: the company's for company accounts, else first and last name. */
const memberName = (r: RecordRow) => {
  const person = [field(r, "firstName"), field(r, "lastName")].filter(Boolean).join(" ") || null;
  return field(r, "accountType") === "individual" ? person : (field(r, "companyName") ?? person);
};

/** Credit or debit: Wallex says so, or the amount carries the sign. */
const direction = (r: RecordRow) => {
  const said = field(r, "direction");
  if (said) return said;
  const signed = r.amount ?? field(r, "amount");
  return signed === null ? null : signed.trim().startsWith("-") ? "debit" : "credit";
};

const movement = [
  wallexId,
  member,
  amount(),
  raw("type", "Type", "type"),
  reference(),
  status(),
  reason,
  created(),
  lastRead,
];

/**
 * The columns staff look for on each kind's page, in order. The list page and the record page both
 * read these; values come from the mirror row and its raw object (fields as in shared/wallex-api).
 */
export const RECORD_COLUMNS = {
  user: [
    wallexId,
    text("name", "Name", memberName),
    reference("Email"),
    raw("type", "Type", "accountType"),
    status("KYC status"),
    raw("reason", "Wallex's reason", "statusReason", "reason"),
    created("Registered"),
    lastRead,
  ],
  document: [
    wallexId,
    member,
    reference("Document type"),
    status(),
    raw("reason", "Wallex's reason", "statusReason", "reason"),
    created(),
    lastRead,
  ],
  beneficiary: [
    wallexId,
    member,
    reference("Nickname"),
    raw("holder", "Account holder", "bankAccount.bankAccountHolderName", "companyName"),
    raw("bank", "Bank", "bankAccount.bankName"),
    raw("country", "Country", "bankAccount.country", "country"),
    currency,
    status(),
    created(),
    lastRead,
  ],
  quote: [
    wallexId,
    member,
    raw("purpose", "For", "kind"),
    amountOf("sell", "Sell", "sellAmount", "sellCurrency"),
    amountOf("buy", "Buy", "buyAmount", "buyCurrency"),
    raw("rate", "Rate", "rate"),
    text("expires", "Expires", (r) => moment(field(r, "expiresAt"))),
    created(),
    lastRead,
  ],
  payment: [
    wallexId,
    member,
    raw(
      "beneficiary",
      "Beneficiary",
      "beneficiary.bankAccount.bankAccountHolderName",
      "beneficiary.companyName",
      "beneficiary.nickname",
    ),
    amount(),
    detailOnly(amountOf("payout", "Beneficiary gets", "buyAmount", "buyCurrency")),
    raw("paymentReference", "Payment reference", "paymentReference"),
    wide(reference("Our reference")),
    status(),
    reason,
    created(),
    lastRead,
  ],
  conversion: [
    wallexId,
    member,
    amountOf("sell", "Sell", "sellAmount", "sellCurrency"),
    amountOf("buy", "Buy", "buyAmount", "buyCurrency"),
    raw("rate", "Rate", "rate"),
    reference("Our reference"),
    status(),
    reason,
    created(),
    lastRead,
  ],
  collectionAccount: [
    wallexId,
    member,
    raw("name", "Name", "name"),
    raw("reference", "Reference", "reference"),
    currency,
    status(),
    created(),
    lastRead,
  ],
  collection: [
    wallexId,
    member,
    amount(),
    raw("payer", "Payer", "sender.name"),
    reference(),
    status(),
    reason,
    created(),
    lastRead,
  ],
  collectionRequest: [
    wallexId,
    member,
    amount(),
    raw("payer", "Payer", "payer.name"),
    reference(),
    raw("invoice", "Invoice", "invoiceNumber"),
    amountOf("paid", "Paid", "paidAmount", "currency"),
    raw("due", "Due", "dueDate"),
    status(),
    created(),
    lastRead,
  ],
  balance: [wallexId, member, currency, amount("Balance"), created("Updated"), lastRead],
  balanceHistory: [
    wallexId,
    member,
    raw("type", "Type", "type"),
    text("direction", "Direction", direction),
    amount(),
    amountOf("runningBalance", "Running balance", "balanceAfter", "currency"),
    raw("related", "For", "relatedEntityType"),
    reference(),
    created(),
    lastRead,
  ],
  funding: movement,
  deduction: movement,
  transfer: [
    wallexId,
    text("member", "From", member.value),
    raw("to", "To account", "receiverAccountId"),
    amount(),
    reference(),
    status(),
    reason,
    created(),
    lastRead,
  ],
} satisfies Record<ResourceKind, RecordColumn[]>;

export const recordColumns = (kind: ResourceKind): RecordColumn[] => RECORD_COLUMNS[kind];
