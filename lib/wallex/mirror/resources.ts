import "server-only";
import * as schema from "@/db/schema";
import type { MirrorTable } from "@/db/schema";
import type { WallexClient } from "../client";
import type { CallOptions } from "../client/request";

/** A Wallex object as the client returns it: an id, maybe a status, and whatever else Wallex sent. */
export type WallexObject = { id: string; status?: string | null } & Record<string, unknown>;
export type OnBehalfOf = CallOptions["onBehalfOf"];
type Page = { data: WallexObject[]; pagination?: { totalPages?: number | null } | null };

/** The columns a page filters and sorts on, taken from the object. */
export type Projection = {
  currency?: unknown;
  amount?: unknown;
  reference?: unknown;
  parentId?: unknown;
  createdAt?: unknown;
};

export type ResourceDef = {
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
  retrieve?: (
    client: WallexClient,
    row: { wallexId: string; parentId?: string | null },
    onBehalfOf: OnBehalfOf,
  ) => Promise<WallexObject>;
  list?: (client: WallexClient, page: number, onBehalfOf: OnBehalfOf) => Promise<Page>;
  /** Objects listed under a parent only (a member's documents). */
  listByParent?: (client: WallexClient, parentId: string, page: number) => Promise<Page>;
  project: (object: WallexObject) => Projection;
};

const LIMIT = 100;
const asPage = (p: unknown) => p as Page;
export const asObject = (o: unknown) => o as WallexObject;
const movement = (o: WallexObject): Projection => ({
  currency: o.currency,
  amount: o.amount,
  reference: o.reference,
  createdAt: o.createdAt,
});

/**
 * What we mirror of Wallex, one row per resource: where it lives in our database, how to re-read
 * it and how its webhooks name it. A renamed field in the reference is a change here only.
 */
export const RESOURCES = {
  user: {
    kind: "user",
    label: "member",
    table: schema.wallexUsers,
    webhookResource: "user",
    ownedByAccount: false,
    finalStatuses: ["withdrawn", "terminated", "closed"],
    retrieve: async (c, row) => asObject(await c.users.retrieve({ userId: row.wallexId })),
    list: async (c, page) => asPage(await c.users.list({ query: { page, limit: LIMIT } })),
    project: (o) => ({ reference: o.email, createdAt: o.createdAt }),
  },
  document: {
    kind: "document",
    label: "document",
    table: schema.wallexDocuments,
    ownedByAccount: false,
    finalStatuses: ["approved", "rejected", "deleted"],
    retrieve: async (c, row) =>
      asObject(await c.users.retrieveDocument({ userId: row.parentId!, documentId: row.wallexId })),
    listByParent: async (c, userId, page) =>
      asPage(await c.users.listDocuments({ userId, query: { page, limit: LIMIT } })),
    project: (o) => ({ reference: o.documentType, parentId: o.userId, createdAt: o.createdAt }),
  },
  beneficiary: {
    kind: "beneficiary",
    label: "beneficiary",
    table: schema.wallexBeneficiaries,
    ownedByAccount: true,
    finalStatuses: ["deleted"],
    retrieve: async (c, row, obo) =>
      asObject(await c.beneficiaries.retrieve({ beneficiaryId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.beneficiaries.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
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
    finalStatuses: ["completed", "failed", "rejected"],
    retrieve: async (c, row, obo) =>
      asObject(await c.payments.retrieve({ simplePaymentId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) => asPage(await c.payments.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
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
    finalStatuses: ["completed", "failed"],
    retrieve: async (c, row, obo) =>
      asObject(await c.conversions.retrieve({ conversionId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.conversions.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
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
    finalStatuses: ["inactive", "rejected"],
    retrieve: async (c, row, obo) =>
      asObject(await c.collections.retrieveAccount({ collectionAccountId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.collections.listAccounts({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: (o) => ({ currency: o.currency, reference: o.reference ?? o.name, createdAt: o.createdAt }),
  },
  collection: {
    kind: "collection",
    label: "collection",
    table: schema.wallexCollections,
    webhookResource: "collection",
    ownedByAccount: true,
    finalStatuses: ["completed", "rejected"],
    retrieve: async (c, row, obo) =>
      asObject(await c.collections.retrieve({ collectionId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.collections.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
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
    finalStatuses: ["full_paid", "cancel", "expired"],
    retrieve: async (c, row, obo) =>
      asObject(await c.collectionRequests.retrieve({ collectionRequestId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.collectionRequests.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: (o) => ({ currency: o.currency, amount: o.amount, reference: o.reference, createdAt: o.createdAt }),
  },
  balance: {
    kind: "balance",
    label: "balance",
    table: schema.wallexBalances,
    ownedByAccount: true,
    finalStatuses: [],
    retrieve: async (c, row, obo) =>
      asObject(await c.balances.retrieveById({ balanceId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) => asPage(await c.balances.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: (o) => ({ currency: o.currency, amount: o.amount, createdAt: o.updatedAt }),
  },
  balanceHistory: {
    kind: "balanceHistory",
    label: "history entry",
    table: schema.wallexBalanceHistory,
    ownedByAccount: true,
    // Ledger entries never change once written.
    finalStatuses: [],
    list: async (c, page, obo) =>
      asPage(await c.balances.listHistory({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: (o) => ({ ...movement(o), parentId: o.relatedEntityId }),
  },
  funding: {
    kind: "funding",
    label: "funding",
    table: schema.wallexFundings,
    webhookResource: "funding",
    ownedByAccount: true,
    finalStatuses: ["completed", "failed", "rejected"],
    retrieve: async (c, row, obo) =>
      asObject(await c.funding.retrieve({ fundingId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) => asPage(await c.funding.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: movement,
  },
  deduction: {
    kind: "deduction",
    label: "deduction",
    table: schema.wallexDeductions,
    webhookResource: "deduction",
    ownedByAccount: true,
    finalStatuses: ["completed", "failed"],
    retrieve: async (c, row, obo) =>
      asObject(await c.deductions.retrieve({ deductionId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.deductions.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: movement,
  },
  transfer: {
    kind: "transfer",
    label: "internal transfer",
    table: schema.wallexTransfers,
    ownedByAccount: true,
    finalStatuses: ["completed", "rejected", "failed"],
    retrieve: async (c, row, obo) =>
      asObject(await c.transfers.retrieve({ transferId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.transfers.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
    project: movement,
  },
} satisfies Record<string, ResourceDef>;

export type ResourceKind = keyof typeof RESOURCES;
export const RESOURCE_KINDS = Object.keys(RESOURCES) as ResourceKind[];

export function resourceDef(kind: ResourceKind): ResourceDef {
  return RESOURCES[kind];
}

export function resourceForWebhook(resource: string | null): ResourceDef | undefined {
  return Object.values(RESOURCES).find((def: ResourceDef) => def.webhookResource === resource);
}

export function isFinal(def: ResourceDef, status: string | null | undefined) {
  return !!status && def.finalStatuses.includes(status);
}

/** "Payment", or with `plural` "Payments", "History entries": for headings and tabs. */
export function titleOf(def: ResourceDef, { plural = false } = {}) {
  const label = plural ? (def.label.endsWith("y") ? `${def.label.slice(0, -1)}ies` : `${def.label}s`) : def.label;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** URL segment of a kind: "collectionAccount" ↔ "collection-account". */
export const kindSlug = (kind: ResourceKind) => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const kindFromSlug = (slug: string): ResourceKind | undefined =>
  RESOURCE_KINDS.find((kind) => kindSlug(kind) === slug);
