import "server-only";
import {
  asObject,
  RESOURCE_KINDS,
  RESOURCES as TABLES,
  type MirrorTableDef,
  type ResourceKind,
  type WallexObject,
} from "@/lib/records/mirror-tables";
import type { WallexClient } from "../client";
import type { CallOptions } from "../client/request";

// The table registry's names, for the jobs that read through this map.
export { asObject, isFinal, RESOURCE_KINDS, type ResourceKind, type WallexObject } from "@/lib/records/mirror-tables";

export type OnBehalfOf = CallOptions["onBehalfOf"];
type Page = { data: WallexObject[]; pagination?: { totalPages?: number | null } | null };

/** How a kind is read from Wallex: one object again, a page of the list, or a page under its parent. */
export type WallexReads = {
  retrieve?: (
    client: WallexClient,
    row: { wallexId: string; parentId?: string | null },
    onBehalfOf: OnBehalfOf,
  ) => Promise<WallexObject>;
  list?: (client: WallexClient, page: number, onBehalfOf: OnBehalfOf) => Promise<Page>;
  /** Objects listed under a parent only (a member's documents). */
  listByParent?: (client: WallexClient, parentId: string, page: number) => Promise<Page>;
};

/** A mirrored kind with its Wallex reads: what the refresh, reconcile and inbox jobs work from. */
export type ResourceDef = MirrorTableDef & WallexReads;

const LIMIT = 100;
const asPage = (p: unknown) => p as Page;

/** The Wallex calls that re-read each kind. A renamed endpoint in the reference is a change here only. */
const READS: Record<ResourceKind, WallexReads> = {
  user: {
    retrieve: async (c, row) => asObject(await c.users.retrieve({ userId: row.wallexId })),
    list: async (c, page) => asPage(await c.users.list({ query: { page, limit: LIMIT } })),
  },
  document: {
    retrieve: async (c, row) =>
      asObject(await c.users.retrieveDocument({ userId: row.parentId!, documentId: row.wallexId })),
    listByParent: async (c, userId, page) =>
      asPage(await c.users.listDocuments({ userId, query: { page, limit: LIMIT } })),
  },
  beneficiary: {
    retrieve: async (c, row, obo) =>
      asObject(await c.beneficiaries.retrieve({ beneficiaryId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.beneficiaries.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  // Quotes cannot be read back; they are kept as answered and expire by themselves.
  quote: {},
  payment: {
    retrieve: async (c, row, obo) =>
      asObject(await c.payments.retrieve({ simplePaymentId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) => asPage(await c.payments.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  conversion: {
    retrieve: async (c, row, obo) =>
      asObject(await c.conversions.retrieve({ conversionId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.conversions.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  collectionAccount: {
    retrieve: async (c, row, obo) =>
      asObject(await c.collections.retrieveAccount({ collectionAccountId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.collections.listAccounts({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  collection: {
    retrieve: async (c, row, obo) =>
      asObject(await c.collections.retrieve({ collectionId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.collections.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  collectionRequest: {
    retrieve: async (c, row, obo) =>
      asObject(await c.collectionRequests.retrieve({ collectionRequestId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.collectionRequests.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  balance: {
    retrieve: async (c, row, obo) =>
      asObject(await c.balances.retrieveById({ balanceId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) => asPage(await c.balances.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  // Ledger entries never change once written: listed, never read back one by one.
  balanceHistory: {
    list: async (c, page, obo) =>
      asPage(await c.balances.listHistory({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  funding: {
    retrieve: async (c, row, obo) =>
      asObject(await c.funding.retrieve({ fundingId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) => asPage(await c.funding.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  deduction: {
    retrieve: async (c, row, obo) =>
      asObject(await c.deductions.retrieve({ deductionId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.deductions.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
  transfer: {
    retrieve: async (c, row, obo) =>
      asObject(await c.transfers.retrieve({ transferId: row.wallexId }, { onBehalfOf: obo })),
    list: async (c, page, obo) =>
      asPage(await c.transfers.list({ query: { page, limit: LIMIT } }, { onBehalfOf: obo })),
  },
};

/** Every kind's table definition with its Wallex reads (the same keys as the table registry's `RESOURCES`). */
export const RESOURCES: Record<ResourceKind, ResourceDef> = Object.fromEntries(
  RESOURCE_KINDS.map((kind): [ResourceKind, ResourceDef] => [kind, { ...TABLES[kind], ...READS[kind] }]),
) as Record<ResourceKind, ResourceDef>;

export function resourceDef(kind: ResourceKind): ResourceDef {
  return RESOURCES[kind];
}

export function resourceForWebhook(resource: string | null): ResourceDef | undefined {
  return Object.values(RESOURCES).find((def) => def.webhookResource === resource);
}
