import { CHOICES, resolveDelays, type Delays } from "./config";
import type { Clock } from "./clock";
import { iso } from "./clock";
import { randomBytes } from "node:crypto";
import { seededUuid, uuid } from "./ids";
import { Runtime } from "./runtime";
import { State, Tx } from "./store/state";
import type { Doc, Persistence } from "./store/types";
import type {
  Features,
  Partner,
  PartnerConfig,
  PartnerCredentials,
  ProvisionRequest,
  Requirements,
  SandboxOptions,
} from "./types";
import { deliver } from "./webhooks/deliver";

export type JobHandler = (engine: Engine, tx: Tx, job: Doc) => void;

/** Provisioned partners are stored under this owner, so a partner's own reset never deletes them. */
const REGISTRY = "_registry";
const secret = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;

const NO_FEATURES: Features = {
  signup: false,
  signupLiteCompany: false,
  signupLiteIndividual: false,
  partnerCollectionAccounts: false,
  beneficiaryValidation: false,
  collections: true,
};

/** Shared core: committed state, serialised writes, clock-driven jobs and webhook delivery. */
export class Engine {
  readonly state = new State();
  readonly runtime: Runtime;
  readonly partners = new Map<string, Partner>();
  private byKey = new Map<string, Partner>();
  private configured = new Set<string>();
  private lock: Promise<unknown> = Promise.resolve();
  private ticking?: Promise<void>;
  private inflight = new Set<Promise<void>>();
  /** Deliver jobs whose send is under way: their job stays in the store until the answer is recorded. */
  private sending = new Set<string>();
  private webhooksHeld: boolean;
  private timers: Array<ReturnType<typeof setInterval>> = [];
  private closed = false;
  /** Aborts in-flight webhook sends on close. */
  readonly shutdown = new AbortController();
  readonly delays: Delays | null;
  /** What KYC sections and screening need (CHOICES.requirements, overridden by the option). */
  readonly requirements: Requirements;
  /** README D28 strict mode for the long lists. */
  readonly strictLists: boolean;

  constructor(
    readonly options: SandboxOptions,
    readonly clock: Clock,
    private persistence: Persistence,
    private handlers: Record<string, JobHandler>,
  ) {
    this.runtime = new Runtime(options.random);
    for (const p of options.partners ?? []) {
      this.addPartner(p);
      this.configured.add(p.id);
    }
    this.delays = resolveDelays(options.autoProgress);
    this.requirements = { ...CHOICES.requirements, ...options.requirements };
    this.strictLists = options.strictLists ?? false;
    this.webhooksHeld = !!options.webhooksFrom;
    options.webhooksFrom?.then(
      () => {
        this.webhooksHeld = false;
        this.kick();
      },
      () => undefined,
    );
  }

  private addPartner(p: PartnerConfig) {
    const previous = this.partners.get(p.id);
    if (previous) this.byKey.delete(previous.apiKey);
    const partner: Partner = {
      countryCode: "SG",
      ...p,
      features: { ...NO_FEATURES, ...p.features },
      accountId: seededUuid(`partner:${p.id}`),
    };
    this.partners.set(partner.id, partner);
    this.byKey.set(partner.apiKey, partner);
  }

  partnerByKey(key: string | undefined | null): Partner | undefined {
    return key ? this.byKey.get(key) : undefined;
  }

  async start() {
    this.state.apply(
      (await this.persistence.load()).map(({ kind, doc }) => ({ kind, id: doc.id, partnerId: doc._partnerId, doc })),
    );
    for (const doc of this.state.all("partner")) if (!this.configured.has(doc.id)) this.addPartner(partnerFromDoc(doc));
    await this.write((tx) => {
      this.seedPartners(tx);
      this.requeueOrphanedDeliveries(tx);
    });
    if (!this.clock.manual) {
      const t = setInterval(() => void this.tick(), this.options.tickIntervalMs ?? 100);
      t.unref?.();
      this.timers.push(t);
    }
  }

  /** A pending delivery always has a deliver job (stores written before that rule may not). */
  private requeueOrphanedDeliveries(tx: Tx) {
    const queued = new Set([...tx.all("job")].filter((j) => j.type === "deliver").map((j) => j.ref));
    for (const d of tx.all("delivery")) {
      if (d.status === "pending" && !queued.has(d.id)) this.schedule(tx, d._partnerId, "deliver", d.id, 0);
    }
  }

  private seedPartners(tx: Tx) {
    for (const p of this.partners.values()) {
      if (tx.get("account", p.accountId)) continue;
      tx.insert("account", {
        id: p.accountId,
        _partnerId: p.id,
        type: "partner",
        entityType: "company",
        kycLevel: "regular",
        name: p.name,
        countryCode: p.countryCode,
        status: "approved",
        createdAt: iso(tx.now),
      });
    }
  }

  /**
   * Adds a partner (or re-issues its credentials: the old ones stop working at once, with its
   * tokens) and keeps it in the store. Partners given in the options cannot be re-provisioned.
   */
  async provision(request: ProvisionRequest): Promise<PartnerCredentials> {
    if (this.configured.has(request.id)) throw new Error(`partner ${request.id} is configured in the options`);
    const credentials = {
      apiKey: secret("wxsb_key"),
      accessKeyId: secret("wxsb_id"),
      secretAccessKey: secret("wxsb_secret"),
    };
    const config: PartnerConfig = { ...request, ...credentials };
    await this.write((tx) => {
      for (const t of tx.all("token")) if (t._partnerId === request.id) tx.remove("token", t.id);
      writePartnerDoc(tx, config);
    });
    this.addPartner(config);
    await this.write((tx) => this.seedPartners(tx));
    return credentials;
  }

  now(): number {
    return this.clock.now();
  }

  /** Runs fn on a transaction, serialised with every other write; all or nothing. */
  write<T>(fn: (tx: Tx) => T, at?: number): Promise<T> {
    const run = async () => {
      const tx = new Tx(this.state, at ?? this.now());
      const result = fn(tx);
      const changes = tx.changes();
      await this.persistence.commit(changes);
      this.state.apply(changes);
      if (changes.some((c) => c.kind === "job" && c.doc && c.doc.dueAt <= this.now())) this.kick();
      return result;
    };
    const next = this.lock.then(run, run);
    this.lock = next.catch(() => undefined);
    return next;
  }

  schedule(tx: Tx, partnerId: string, type: string, ref: string, delayMs: number, data?: Record<string, unknown>) {
    tx.insert("job", { id: uuid(), _partnerId: partnerId, type, ref, data: data ?? null, dueAt: tx.now + delayMs });
  }

  /** Queues a notification {resource, resourceId, status, accountId, reason?} for the partner. */
  notify(
    tx: Tx,
    partnerId: string,
    payload: {
      resource: string;
      resourceId: string;
      status: string;
      accountId?: string;
      reason?: string;
      remarks?: string;
    },
  ) {
    const sub = tx.get("subscription", partnerId);
    const fault = this.runtime.takeWebhookFault(partnerId);
    const copies = fault === "duplicate" ? 2 : 1;
    const body = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined && v !== null));
    for (let i = 0; i < copies; i++) {
      const status = !sub?.url ? "no_subscription" : fault === "drop" ? "dropped" : "pending";
      const d = tx.insert("delivery", {
        id: uuid(),
        _partnerId: partnerId,
        payload: body,
        url: sub?.url ?? null,
        headers: sub?.headers ?? {},
        status,
        attempts: [],
        createdAt: iso(tx.now),
      });
      if (status === "pending") this.schedule(tx, partnerId, "deliver", d.id, 0);
    }
  }

  private kick() {
    if (this.closed) return;
    setImmediate(() => void this.tick());
  }

  /** Runs every job that is due; webhook sends continue in the background (see settle). */
  tick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.ticking) return this.ticking;
    // .finally runs asynchronously, so the assignment below always happens first.
    const p: Promise<void> = this.runDue().finally(() => {
      if (this.ticking === p) this.ticking = undefined;
    });
    this.ticking = p;
    return p;
  }

  /** Jobs to run now: due, not already being sent, and webhooks only once they may go out. */
  private dueJobs() {
    return [...this.state.all("job")].filter(
      (j) => j.dueAt <= this.now() && !this.sending.has(j.id) && !(j.type === "deliver" && this.webhooksHeld),
    );
  }

  private async runDue() {
    for (let round = 0; round < 10_000; round++) {
      const due = this.dueJobs().sort((a, b) => a.dueAt - b.dueAt || a._seq - b._seq);
      if (!due.length) return;
      for (const job of due) await this.runJob(job);
    }
  }

  private async runJob(job: Doc) {
    if (job.type === "deliver") {
      // The job is removed with the recorded answer (deliver.ts): a send cut short stays queued.
      this.sending.add(job.id);
      const p: Promise<void> = deliver(this, job)
        .catch((error) => console.error("[wallex-sandbox] webhook delivery failed", error))
        .finally(() => {
          this.sending.delete(job.id);
          this.inflight.delete(p);
        });
      this.inflight.add(p);
      return;
    }
    await this.write((tx) => {
      if (!tx.get("job", job.id)) return;
      tx.remove("job", job.id);
      this.handlers[job.type]?.(this, tx, job);
    }, job.dueAt).catch(async (error) => {
      console.error(`[wallex-sandbox] job ${job.type} failed`, error);
      await this.write((tx) => tx.remove("job", job.id)).catch(() => undefined);
    });
  }

  /** Runs due jobs and waits for webhook sends until nothing is left to do now. */
  async settle() {
    for (let i = 0; i < 1000; i++) {
      await this.tick();
      const due = this.dueJobs().length > 0;
      if (!due && !this.inflight.size) return;
      await Promise.allSettled([...this.inflight]);
    }
  }

  async reset(partnerId?: string) {
    const provisioned = [...this.state.all("partner")];
    const run = async () => {
      await this.persistence.clear(partnerId);
      this.state.clear(partnerId);
      this.runtime.reset(partnerId);
    };
    const next = this.lock.then(run, run);
    this.lock = next.catch(() => undefined);
    await next;
    await this.write((tx) => {
      // A full reset empties the store; provisioned partners keep their credentials.
      for (const doc of provisioned) if (!tx.get("partner", doc.id)) writePartnerDoc(tx, partnerFromDoc(doc));
      this.seedPartners(tx);
    });
  }

  get isClosed() {
    return this.closed;
  }

  /**
   * Stops the timers, lets webhook sends in flight get their answer for a while, then aborts the
   * rest: their jobs stay in the store, so the next sandbox on it sends them again.
   */
  async close() {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    const graceMs = this.options.webhookCloseGraceMs ?? 5_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.inflight]), grace]);
    clearTimeout(timer);
    this.shutdown.abort();
    await Promise.allSettled([...this.inflight]);
    await this.lock;
    await this.persistence.close();
  }
}

function writePartnerDoc(tx: Tx, p: PartnerConfig) {
  const doc = {
    name: p.name,
    apiKey: p.apiKey,
    accessKeyId: p.accessKeyId,
    secretAccessKey: p.secretAccessKey,
    features: p.features ?? {},
    countryCode: p.countryCode ?? "SG",
  };
  if (tx.get("partner", p.id)) tx.update("partner", p.id, doc);
  else tx.insert("partner", { id: p.id, _partnerId: REGISTRY, ...doc });
}

function partnerFromDoc(doc: Doc): PartnerConfig {
  return {
    id: doc.id,
    name: doc.name,
    apiKey: doc.apiKey,
    accessKeyId: doc.accessKeyId,
    secretAccessKey: doc.secretAccessKey,
    features: doc.features,
    countryCode: doc.countryCode,
  };
}
