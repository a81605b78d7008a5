import "server-only";
import type { Database } from "@/db";
import type { WallexIntent } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { isWallexObjectClaimedByIntent } from "@/lib/data/intents";
import type { WallexClient } from "../client";
import { sendOnce, type Operation } from "./intents";
import { forAccount, onBehalfOfAccount } from "./refresh";
import { asObject, RESOURCES, type WallexObject } from "./read-map";
import { applyToMirror } from "./store";

type Body = Record<string, unknown>;
const SCAN_PAGES = 5;

/** Looks through the newest pages of a listing for the object `matches` recognises. */
async function findInListing(
  list: (page: number) => Promise<{ data: unknown[] }>,
  matches: (o: WallexObject) => boolean | Promise<boolean>,
) {
  for (let page = 1; page <= SCAN_PAGES; page++) {
    const { data } = await list(page);
    for (const o of data as WallexObject[]) if (await matches(o)) return o;
    if (data.length < 100) return undefined;
  }
  return undefined;
}

/** For objects that cannot carry our reference: created since the intent, alike, and not another intent's. */
async function unclaimedSince(db: Database, scope: TenantScope, intent: WallexIntent, object: WallexObject) {
  const created = typeof object.createdAt === "string" ? new Date(object.createdAt).getTime() : 0;
  if (created < intent.createdAt.getTime() - 60_000) return false;
  return !(await isWallexObjectClaimedByIntent(db, scope, intent.kind, object.id));
}

/** A fund went through when the object has left `awaiting_funds`. */
const fundedOrUndefined = (object: WallexObject) =>
  object.status && object.status !== "awaiting_funds" ? object : undefined;

/** Which signup endpoint a member's signup kind goes to (users.md §5). */
const SIGNUP_ENDPOINTS = {
  full: "signup",
  lite_company: "signupLiteCompany",
  lite_individual: "signupLiteIndividual",
} as const;

export function wallexOperations(db: Database, scope: TenantScope) {
  return {
    /**
     * A member's signup (users.md §5): `input` is `{memberId, signupKind, body}`. A user carries no
     * reference of ours, so reading back looks for its email among the newest users (Users Listing),
     * created since the intent and not another intent's.
     */
    signupMember: {
      kind: "user",
      operation: "signup",
      send: async (c, _ref, input) => {
        const endpoint = SIGNUP_ENDPOINTS[input.signupKind as keyof typeof SIGNUP_ENDPOINTS];
        if (!endpoint) throw new Error(`unknown signup kind ${String(input.signupKind)}`);
        return asObject(await c.users[endpoint]({ body: input.body as never }));
      },
      readBack: (c, _ref, input, _account, intent) => {
        const email = String((input.body as Body).email).toLowerCase();
        return findInListing(
          (page) => c.users.list({ query: { email, page, limit: 100 } }),
          async (o) =>
            String(o.email ?? "").toLowerCase() === email &&
            (await unclaimedSince(db, scope, intent, {
              ...o,
              createdAt: o.createdAt ?? o.registrationDate,
            })),
        );
      },
    } satisfies Operation<Body>,
    createBeneficiary: {
      kind: "beneficiary",
      operation: "create",
      send: async (c, _ref, input, account) =>
        asObject(await c.beneficiaries.create({ body: input as never }, { onBehalfOf: forAccount(account) })),
      readBack: (c, _ref, input, account, intent) => {
        const bank = input.bankAccount as Body;
        return findInListing(
          (page) => c.beneficiaries.list({ query: { page, limit: 100 } }, { onBehalfOf: forAccount(account) }),
          async (o) => {
            const found = (o.bankAccount ?? {}) as Body;
            const same =
              found.accountNumber === bank.accountNumber &&
              found.currency === bank.currency &&
              o.entityType === input.entityType;
            return same && (await unclaimedSince(db, scope, intent, o));
          },
        );
      },
    } satisfies Operation<Body>,
    createPayment: {
      kind: "payment",
      operation: "create",
      send: async (c, ref, input, account) =>
        asObject(
          await c.payments.create(
            { body: { ...input, referenceId: ref } as never },
            { onBehalfOf: forAccount(account) },
          ),
        ),
      readBack: (c, ref, _input, account) =>
        findInListing(
          (page) =>
            c.payments.list({ query: { referenceId: ref, page, limit: 100 } }, { onBehalfOf: forAccount(account) }),
          (o) => o.referenceId === ref,
        ),
    } satisfies Operation<Body>,
    fundPayment: {
      kind: "payment",
      operation: "fund",
      send: async (c, _ref, input, account) =>
        asObject(
          await c.payments.fund({ simplePaymentId: String(input.paymentId) }, { onBehalfOf: forAccount(account) }),
        ),
      readBack: async (c, _ref, input, account) =>
        fundedOrUndefined(
          asObject(
            await c.payments.retrieve(
              { simplePaymentId: String(input.paymentId) },
              { onBehalfOf: forAccount(account) },
            ),
          ),
        ),
    } satisfies Operation<Body>,
    createConversion: {
      kind: "conversion",
      operation: "create",
      send: async (c, ref, input, account) =>
        asObject(
          await c.conversions.create(
            { body: { ...input, referenceId: ref } as never },
            { onBehalfOf: forAccount(account) },
          ),
        ),
      readBack: (c, ref, _input, account) =>
        findInListing(
          (page) =>
            c.conversions.list({ query: { referenceId: ref, page, limit: 100 } }, { onBehalfOf: forAccount(account) }),
          (o) => o.referenceId === ref,
        ),
    } satisfies Operation<Body>,
    fundConversion: {
      kind: "conversion",
      operation: "fund",
      send: async (c, _ref, input, account) =>
        asObject(
          await c.conversions.fund({ conversionId: String(input.conversionId) }, { onBehalfOf: forAccount(account) }),
        ),
      readBack: async (c, _ref, input, account) =>
        fundedOrUndefined(
          asObject(
            await c.conversions.retrieve(
              { conversionId: String(input.conversionId) },
              { onBehalfOf: forAccount(account) },
            ),
          ),
        ),
    } satisfies Operation<Body>,
    createTransfer: {
      kind: "transfer",
      operation: "create",
      // Transfers carry one free reference: ours, unless the person gave one.
      send: async (c, ref, input, account) =>
        asObject(
          await c.transfers.create(
            { body: { ...input, reference: input.reference ?? ref } as never },
            { onBehalfOf: forAccount(account) },
          ),
        ),
      readBack: (c, ref, input, account, intent) =>
        findInListing(
          (page) => c.transfers.list({ query: { page, limit: 100 } }, { onBehalfOf: forAccount(account) }),
          async (o) =>
            o.reference === (input.reference ?? ref) &&
            o.receiverAccountId === input.receiverAccountId &&
            (await unclaimedSince(db, scope, intent, o)),
        ),
    } satisfies Operation<Body>,
  };
}

export type WallexOperations = ReturnType<typeof wallexOperations>;
export type OperationName = keyof WallexOperations;

/** Runs a create or fund (money, or a member's signup) once per idempotency key and returns the mirror's copy. */
export async function perform(
  db: Database,
  client: WallexClient,
  scope: TenantScope,
  name: OperationName,
  args: { idempotencyKey: string; input: Body; accountId: string | null },
) {
  const op = wallexOperations(db, scope)[name] as Operation<Body>;
  return sendOnce(db, client, scope, op, args);
}

/** Quotes are harmless to repeat: sent as they come and kept in the mirror as answered. */
export async function requestQuote(
  db: Database,
  client: WallexClient,
  scope: TenantScope,
  kind: "payment" | "conversion",
  body: Body,
  accountId: string | null,
) {
  const readAt = new Date();
  const options = { onBehalfOf: onBehalfOfAccount(RESOURCES.quote, accountId) };
  const quote =
    kind === "payment"
      ? await client.payments.quote({ body: body as never }, options)
      : await client.conversions.quote({ body: body as never }, options);
  const object = { ...quote, id: String(quote.quoteId), kind } as WallexObject;
  await applyToMirror(db, scope, RESOURCES.quote, object, { readAt, accountId, source: "write" });
  return object;
}
