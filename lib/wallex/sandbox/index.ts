import { createApp } from "./app";
import { systemClock, type Clock, type ManualClock } from "./clock";
import { Engine } from "./engine";
import { createControl, type SandboxControl } from "./helpers/control";
import { JOB_HANDLERS } from "./domain/jobs";
import { pglitePersistence } from "./store/pglite";
import { postgresPersistence } from "./store/postgres";
import { memoryPersistence, type Persistence } from "./store/types";
import type { PartnerConfig, SandboxOptions } from "./types";

export type { SandboxOptions, PartnerConfig, Features, StoreOption } from "./types";
export type { SandboxControl } from "./helpers/control";
export { manualClock, systemClock } from "./clock";
export type { Clock, ManualClock } from "./clock";
export { MAGIC_VALUES } from "./magic-values";

/**
 * The demo partner of a sandbox created without `partners`: the standalone `npm run sandbox`
 * (override through WALLEX_SANDBOX_* variables) and unit tests. The app's embedded mount has none.
 */
export const DEMO_PARTNER_CREDENTIALS = {
  apiKey: "demo-api-key-0001",
  accessKeyId: "demo-access-key-id-0001",
  secretAccessKey: "demo-secret-access-key-0001",
} as const;

export const DEMO_PARTNER: PartnerConfig = {
  id: "demo",
  name: "Demo Partner Pte Ltd",
  ...DEMO_PARTNER_CREDENTIALS,
  features: {
    signup: true,
    signupLiteCompany: true,
    signupLiteIndividual: true,
    partnerCollectionAccounts: true,
    beneficiaryValidation: true,
  },
};

export type WallexSandbox = {
  /** WHATWG fetch handler: mount it anywhere. */
  fetch: (request: Request) => Promise<Response>;
  control: SandboxControl;
  close: () => Promise<void>;
};

/**
 * A stateful simulator of the Wallex Partner API. Nothing here reads the environment:
 * partners, store and clock come in as options.
 */
export async function createWallexSandbox(options: SandboxOptions = {}): Promise<WallexSandbox> {
  const opts: SandboxOptions = { ...options, partners: options.partners ?? [DEMO_PARTNER] };
  const clock: Clock = opts.clock ?? systemClock();
  const engine = new Engine(opts, clock, persistenceFor(opts), JOB_HANDLERS);
  await engine.start();
  const basePath = (opts.basePath ?? "").replace(/\/+$/, "");
  const app = createApp(
    engine,
    (req) => `${(opts.publicUrl ?? new URL(req.url).origin).replace(/\/+$/, "")}${basePath}`,
  );

  const handle = async (request: Request): Promise<Response> => {
    const started = performance.now();
    let req = request;
    const url = new URL(request.url);
    if (basePath && url.pathname.startsWith(basePath)) {
      url.pathname = url.pathname.slice(basePath.length) || "/";
      req = new Request(url, request);
    }
    let res = await app.fetch(req);
    const requestId = request.headers.get("x-request-id");
    if (requestId) {
      try {
        res.headers.set("X-Request-ID", requestId);
      } catch {
        res = new Response(res.body, res);
        res.headers.set("X-Request-ID", requestId);
      }
    }
    const partner = engine.partnerByKey(request.headers.get("x-api-key"));
    if (partner && !url.pathname.startsWith("/_sandbox")) {
      engine.runtime.log(partner.id, {
        id: crypto.randomUUID(),
        at: new Date(engine.now()).toISOString(),
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        requestId: requestId ?? undefined,
      });
    }
    return res;
  };

  return {
    fetch: handle,
    control: createControl(engine, clock as ManualClock),
    close: () => engine.close(),
  };
}

function persistenceFor(opts: SandboxOptions): Persistence {
  const store = opts.store ?? { kind: "memory" };
  if (store.kind === "postgres") return postgresPersistence(store.connectionString, store.schema);
  if (store.kind === "pglite") return pglitePersistence(store.dataDir);
  if (store.kind === "custom") return store.persistence;
  return memoryPersistence();
}

/**
 * One sandbox per process and key, kept on globalThis so module reloads (Next.js dev) reuse it
 * instead of opening a second pool on the same schema. For the embedded mount.
 */
export function sharedWallexSandbox(key: string, options: SandboxOptions = {}): Promise<WallexSandbox> {
  const slot = globalThis as unknown as Record<symbol, Map<string, Promise<WallexSandbox>> | undefined>;
  const registry = (slot[REGISTRY] ??= new Map());
  let sandbox = registry.get(key);
  if (!sandbox) {
    sandbox = createWallexSandbox(options);
    registry.set(key, sandbox);
    sandbox.catch(() => registry.delete(key));
  }
  return sandbox;
}
const REGISTRY = Symbol.for("partner-desk.wallex-sandbox");
