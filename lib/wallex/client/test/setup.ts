import {
  createWallexSandbox,
  DEMO_PARTNER_CREDENTIALS,
  manualClock,
  type ManualClock,
  type SandboxOptions,
} from "../../sandbox";
import type { CallLogEntry } from "../call-logger";
import { createWallexClient, type WallexClientOptions } from "../index";
import { createMemoryRateLimiter } from "../rate-limiter";
import { createMemoryTokenStore } from "../token-store";
import type { VirtualTime } from "./virtual-time";

export type Sent = { at: number; method: string; url: URL; headers: Headers; body: unknown };

/** Resolves with the fetch, or rejects when the signal aborts (the in-process sandbox ignores signals). */
function raceAbort<T>(p: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    p.then(resolve, reject);
  });
}

/**
 * A sandbox in-process, a client on it, and a record of every request the client sent. With `time`,
 * the client's limiter and retry waits, the sandbox's clock and the send times all run on it.
 */
export async function setup(
  opts: {
    sandbox?: SandboxOptions;
    client?: Partial<WallexClientOptions>;
    intercept?: (req: Request, n: number) => Promise<Response | undefined> | Response | undefined;
    time?: VirtualTime;
  } = {},
) {
  const { time } = opts;
  const clock = time ? virtualClock(time) : manualClock();
  const sandbox = await createWallexSandbox({ rateLimit: false, autoProgress: false, clock, ...opts.sandbox });
  const sent: Sent[] = [];
  const logs: CallLogEntry[] = [];
  const fetch = async (input: string, init: RequestInit) => {
    const req = new Request(input, init);
    const text = typeof init.body === "string" ? init.body : undefined;
    sent.push({
      at: time ? time.now() : performance.now(),
      method: req.method,
      url: new URL(req.url),
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    });
    const fake = await raceAbort(Promise.resolve(opts.intercept?.(req.clone(), sent.length)), init.signal);
    if (fake) return fake;
    return raceAbort(sandbox.fetch(req), init.signal);
  };
  const options: WallexClientOptions = {
    baseUrl: "http://sandbox.test",
    tenant: `t-${crypto.randomUUID()}`,
    ...DEMO_PARTNER_CREDENTIALS,
    fetch,
    tokenStore: createMemoryTokenStore(),
    rateLimiter: createMemoryRateLimiter(time ? { now: time.now, sleep: time.sleep } : {}),
    ...(time ? { sleep: time.sleep } : {}),
    maxRequestsPerSecond: 1000,
    logger: { log: (e) => void logs.push(e) },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...opts.client,
  };
  const client = createWallexClient(options);
  const auths = () => sent.filter((s) => s.url.pathname === "/v2/authenticate").length;
  return { sandbox, control: sandbox.control, clock, client, options, sent, logs, auths, close: () => sandbox.close() };
}

export type Setup = Awaited<ReturnType<typeof setup>>;

/** The sandbox's clock on virtual time, which moves only by waiting. */
function virtualClock(time: VirtualTime): ManualClock {
  const start = Date.parse("2026-01-05T08:00:00Z");
  const cannot = () => {
    throw new Error("virtual time moves only when the client waits");
  };
  return { manual: true, now: () => start + time.now(), set: cannot, advance: cannot };
}

export const SG_BENEFICIARY = {
  nickname: "Supplier SG",
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
};

/** A member with an approved user, to act on behalf of. */
export async function approvedMember(s: Setup, email = `m-${crypto.randomUUID().slice(0, 8)}@example.com`) {
  const u = await s.client.users.signup({
    body: { email, firstName: "Mei", lastName: "Tan", countryCode: "SG", accountType: "individual" },
  });
  await s.control.decideUser(u.id, "pending_approval");
  await s.control.decideUser(u.id, "approved");
  return { userId: u.id, accountId: u.accountId! };
}
