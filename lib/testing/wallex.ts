import { POST } from "@/app/api/webhooks/wallex/[partnerId]/route";
import { getDb, type Database } from "@/db";
import { auditedFor } from "@/lib/audit/audited";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { connectEmbeddedSandbox, saveWallexConnection } from "@/lib/services/wallex-connection/save";
import { registerWebhook } from "@/lib/services/wallex-connection/webhook";
import { perform, requestQuote } from "@/lib/wallex/mirror/operations";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { DEMO_PARTNER_CREDENTIALS, type SandboxOptions } from "@/lib/wallex/sandbox";
import { startStandalone } from "@/lib/wallex/sandbox/server";
import { SG_BENEFICIARY } from "@/lib/wallex/sandbox/test/data";
import { createPartner, createStaff } from "./factories";

/** Wallex's notifications go straight to our route handler, in process. */
export const deliverToRoute = (async (input: string | URL | Request, init?: RequestInit) => {
  const request = new Request(input, init);
  const partnerId = new URL(request.url).pathname.split("/").pop()!;
  return POST(request, { params: Promise.resolve({ partnerId }) });
}) as typeof fetch;

/** A standalone sandbox over HTTP (in memory, no rate limit, statuses moved by helpers only). */
export function startTestSandbox(overrides: Partial<SandboxOptions> = {}) {
  return startStandalone(
    {
      WALLEX_SANDBOX_PORT: "0",
      WALLEX_SANDBOX_DATABASE_URL: "memory",
      WALLEX_SANDBOX_AUTO_PROGRESS: "off",
      WALLEX_SANDBOX_RATE_LIMIT: "off",
    },
    { webhookFetch: deliverToRoute, ...overrides },
  );
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/** A partner of ours connected to the sandbox, with Wallex's webhooks pointed at us (unless `register: false`). */
export async function connectedPartner(sandbox: TestSandbox, { register = true } = {}) {
  const db = getDb();
  const { scope } = await createStaff(await createPartner(), "admin");
  const audited = auditedFor(db, scope, "settings.wallex_connection_saved");
  const input = { baseUrl: sandbox.url, ...DEMO_PARTNER_CREDENTIALS };
  const { webhookError } = await saveWallexConnection(db, scope, input, audited, { registerWebhook: register });
  if (webhookError) throw new Error(`webhook registration failed: ${webhookError}`);
  return { scope, client: await wallexClientFor(db, scope) };
}

type Client = Awaited<ReturnType<typeof wallexClientFor>>;

/** A member who passed screening, with money on its account. */
export async function approvedMember(
  sandbox: TestSandbox,
  client: Client,
  funds = { currency: "SGD", amount: 100_000 },
) {
  const user = await client.users.signup({
    body: {
      email: `member-${crypto.randomUUID().slice(0, 8)}@example.com`,
      firstName: "Ana",
      lastName: "Lim",
      countryCode: "SG",
      accountType: "individual",
    },
  });
  await sandbox.sandbox.control.decideUser(user.id, "pending_approval");
  await sandbox.sandbox.control.decideUser(user.id, "approved");
  const accountId = String(user.accountId);
  await sandbox.sandbox.control.topUp({ ...funds, accountId } as never);
  return { userId: user.id, accountId };
}

/** An SGD 80 payment to a Singapore beneficiary, created through our exactly-once path; `input` adds fields. */
export async function createdPayment(
  client: Client,
  scope: TenantScope,
  accountId: string,
  input: Record<string, unknown> = {},
) {
  const db = getDb();
  const beneficiary = await client.beneficiaries.create(
    { body: SG_BENEFICIARY },
    { onBehalfOf: { account: accountId } },
  );
  const quote = await requestQuote(
    db,
    client,
    scope,
    "payment",
    { sellCurrency: "SGD", amount: "80.00", beneficiaryId: beneficiary.id },
    accountId,
  );
  return perform(db, client, scope, "createPayment", {
    idempotencyKey: crypto.randomUUID(),
    input: { quoteId: String(quote.quoteId), purposeOfTransfer: "rent", fundingSource: "wallet", ...input },
    accountId,
  });
}

export { SG_BENEFICIARY };

/** Registers (or rotates) a partner's webhook as the server would on its own, with its audit row. */
export function registerWebhookAsSystem(db: Database, partnerId: string) {
  const scope = mintJobScope(partnerId, "test");
  return registerWebhook(db, scope, auditedFor(db, scope, "settings.webhook_registered"));
}

/** A new embedded-sandbox identity for a partner, as start-up gives one, without its webhook. */
export function connectEmbeddedSandboxAsSystem(db: Database, partner: { id: string; name: string }) {
  const scope = mintJobScope(partner.id, "test");
  const audited = auditedFor(db, scope, "settings.embedded_sandbox_connected");
  return connectEmbeddedSandbox(db, scope, partner.name, audited, { registerWebhook: false });
}
