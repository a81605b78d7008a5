import "server-only";
import * as schema from "@/db/schema";
import type { MirrorTable } from "@/db/schema";

/**
 * What we mirror of Wallex, one row per kind: the table it lives in, its label, how its webhooks
 * name it, when it stops changing and the columns pages filter on. Nothing here calls Wallex:
 * pages and `lib/data` read this; the Wallex reads per kind are in `lib/wallex/mirror/read-map.ts`.
 */

/** A Wallex object as the client returns it: an id, maybe a status, and whatever else Wallex sent. */
export type WallexObject = { id: string; status?: string | null } & Record<string, unknown>;

/** The columns a page filters and sorts on, taken from the object. */
export type Projection = {
  currency?: unknown;
  amount?: unknown;
  reference?: unknown;
  parentId?: unknown;
  createdAt?: unknown;
};

export type MirrorTableDef = {
  kind: string;
  /** Singular, for people: "payment", "collection account". */
  label: string;
  table: MirrorTable;
  /** The `resource` value of its webhook notifications (webhooks.md §5), where it has any. */
  webhookResource?: string;
  /** Statuses after which Wallex changes nothing more: the reconcile job stops re-reading. */
  finalStatuses: readonly string[];
  /** Users are addressed by path; everything else belongs to an account, named with onBehalfOfAccount. */
  ownedByAccount: boolean;
  /** Wallex returns one object again (the record page's Refresh); the call itself is in the read map. */
  readBack: boolean;
  project: (object: WallexObject) => Projection;
};

export const asObject = (o: unknown) => o as WallexObject;
const movement = (o: WallexObject): Projection => ({
  currency: o.currency,
  amount: o.amount,
  reference: o.reference,
  createdAt: o.createdAt,
});

export const RESOURCES = {
  user: {
    kind: "user",
    label: "member",
    table: schema.wallexUsers,
    webhookResource: "user",
    ownedByAccount: false,
    readBack: true,
    finalStatuses: ["withdrawn", "terminated", "closed"],
    project: (o) => ({ reference: o.email, createdAt: o.createdAt }),
  },
  document: {
    kind: "document",
    label: "document",
    table: schema.wallexDocuments,
    ownedByAccount: false,
    readBack: true,
    finalStatuses: ["approved", "rejected", "deleted"],
    project: (o) => ({ reference: o.documentType, parentId: o.userId, createdAt: o.createdAt }),
  },
  beneficiary: {
    kind: "beneficiary",
    label: "beneficiary",
    table: schema.wallexBeneficiaries,
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["deleted"],
    project: (o) => ({
      currency: (o.bankAccount as { currency?: unknown } | null)?.currency,
      reference: o.nickname,
      createdAt: o.createdAt,
    }),
  },
  quote: {
    kind: "quote",
    label: "quote",
    table: schema.wallexQuotes,
    ownedByAccount: true,
    readBack: false,
    // Quotes cannot be read back; they are kept as answered and expire by themselves.
    finalStatuses: [],
    project: (o) => ({ currency: o.sellCurrency, amount: o.totalAmount ?? o.sellAmount, createdAt: o.createdAt }),
  },
  payment: {
    kind: "payment",
    label: "payment",
    table: schema.wallexPayments,
    webhookResource: "simple_payment",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["completed", "failed", "rejected"],
    project: (o) => ({
      currency: o.sellCurrency,
      amount: o.totalAmount ?? o.sellAmount,
      reference: o.referenceId,
      parentId: o.beneficiaryId,
      createdAt: o.createdAt,
    }),
  },
  conversion: {
    kind: "conversion",
    label: "conversion",
    table: schema.wallexConversions,
    webhookResource: "conversion",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["completed", "failed"],
    project: (o) => ({
      currency: o.sellCurrency,
      amount: o.totalAmount ?? o.sellAmount,
      reference: o.referenceId,
      createdAt: o.createdAt,
    }),
  },
  collectionAccount: {
    kind: "collectionAccount",
    label: "collection account",
    table: schema.wallexCollectionAccounts,
    webhookResource: "collection_account",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["inactive", "rejected"],
    project: (o) => ({ currency: o.currency, reference: o.reference ?? o.name, createdAt: o.createdAt }),
  },
  collection: {
    kind: "collection",
    label: "collection",
    table: schema.wallexCollections,
    webhookResource: "collection",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["completed", "rejected"],
    project: (o) => ({
      currency: o.currency,
      amount: o.amount,
      reference: o.reference,
      parentId: o.collectionAccountId,
      createdAt: o.createdAt,
    }),
  },
  collectionRequest: {
    kind: "collectionRequest",
    label: "collection request",
    table: schema.wallexCollectionRequests,
    webhookResource: "collection_request",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["full_paid", "cancel", "expired"],
    project: (o) => ({ currency: o.currency, amount: o.amount, reference: o.reference, createdAt: o.createdAt }),
  },
  balance: {
    kind: "balance",
    label: "balance",
    table: schema.wallexBalances,
    ownedByAccount: true,
    readBack: true,
    finalStatuses: [],
    project: (o) => ({ currency: o.currency, amount: o.amount, createdAt: o.updatedAt }),
  },
  balanceHistory: {
    kind: "balanceHistory",
    label: "history entry",
    table: schema.wallexBalanceHistory,
    ownedByAccount: true,
    readBack: false,
    // Ledger entries never change once written.
    finalStatuses: [],
    project: (o) => ({ ...movement(o), parentId: o.relatedEntityId }),
  },
  funding: {
    kind: "funding",
    label: "funding",
    table: schema.wallexFundings,
    webhookResource: "funding",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["completed", "failed", "rejected"],
    project: movement,
  },
  deduction: {
    kind: "deduction",
    label: "deduction",
    table: schema.wallexDeductions,
    webhookResource: "deduction",
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["completed", "failed"],
    project: movement,
  },
  transfer: {
    kind: "transfer",
    label: "internal transfer",
    table: schema.wallexTransfers,
    ownedByAccount: true,
    readBack: true,
    finalStatuses: ["completed", "rejected", "failed"],
    project: movement,
  },
} satisfies Record<string, MirrorTableDef>;

export type ResourceKind = keyof typeof RESOURCES;
export const RESOURCE_KINDS = Object.keys(RESOURCES) as ResourceKind[];

export function isFinal(def: MirrorTableDef, status: string | null | undefined) {
  return !!status && def.finalStatuses.includes(status);
}

/** "Payment", or with `plural` "Payments", "History entries": for headings and tabs. */
export function titleOf(def: MirrorTableDef, { plural = false } = {}) {
  const label = plural ? (def.label.endsWith("y") ? `${def.label.slice(0, -1)}ies` : `${def.label}s`) : def.label;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** URL segment of a kind: "collectionAccount" ↔ "collection-account". */
export const kindSlug = (kind: ResourceKind) => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const kindFromSlug = (slug: string): ResourceKind | undefined =>
  RESOURCE_KINDS.find((kind) => kindSlug(kind) === slug);
