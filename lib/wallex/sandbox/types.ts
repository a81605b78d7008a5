import type { Clock } from "./clock";
import type { Delays } from "./config";
import type { Persistence } from "./store/types";

/** Per-partner switches (00-conventions.md §9); the documented defaults are off. */
export type Features = {
  signup: boolean;
  signupLiteCompany: boolean;
  signupLiteIndividual: boolean;
  partnerCollectionAccounts: boolean;
  beneficiaryValidation: boolean;
  /** Collections access as a whole (on by default); off → 400 NOT_AUTHORIZED on every collections path. */
  collections: boolean;
};

/** Uploaded documents screening needs: at least one of `types` per group; a gap is reported as `documents.<group>`. */
export type DocumentRequirement = { group: string; types: string[] };

/** users.md §11.3: what each KYC section needs for approval, and which documents screening needs per account type. */
export type Requirements = {
  detail: string[];
  company: string[];
  cdd: string[];
  documents: { individual: DocumentRequirement[]; company: DocumentRequirement[] };
};

export type PartnerConfig = {
  /** Stable identifier; the partner's own account id is derived from it. */
  id: string;
  name: string;
  apiKey: string;
  accessKeyId: string;
  secretAccessKey: string;
  features?: Partial<Features>;
  countryCode?: string;
};

export type Partner = Required<Omit<PartnerConfig, "features">> & { features: Features; accountId: string };

export type StoreOption =
  | { kind: "memory" }
  | { kind: "postgres"; connectionString: string; schema?: string }
  | { kind: "pglite"; dataDir: string }
  | { kind: "custom"; persistence: Persistence };

export type SandboxOptions = {
  partners?: PartnerConfig[];
  store?: StoreOption;
  clock?: Clock;
  /** Draws for the random faults (failNextRequests({ rate }), webhookFaultRate); default Math.random. A seeded one replays a run. */
  random?: () => number;
  /** false turns the limiter off (benchmarks, most tests). */
  rateLimit?: false | { perSecond: number; perDay?: number };
  /** Used to POST webhooks; defaults to the global fetch. */
  webhookFetch?: typeof fetch;
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /**
   * Webhooks stay queued (in the store) until this settles: the host's receiver is listening. One
   * that never settles leaves them to the next sandbox on the same store (command-line tasks).
   */
  webhooksFrom?: Promise<unknown>;
  /** How long close() lets webhook sends in flight finish before aborting them (they stay queued). Default 5000. */
  webhookCloseGraceMs?: number;
  /** true (default) = reference delays; false = statuses only move through /_sandbox helpers. */
  autoProgress?: boolean | { [K in keyof Delays]?: Partial<Delays[K]> | number };
  /**
   * README D28: also validate the long Wallex lists exactly as written: `documentType` (the 18 of
   * users.md §4.3), `businessType` (the listing + `trading`, `it_services`) and the employment fields.
   * Off by default: any non-empty lower_snake_case `documentType`, any string for the others.
   */
  strictLists?: boolean;
  /** Replaces parts of the default requirements (`config.ts` `CHOICES.requirements`). */
  requirements?: Partial<Requirements>;
  /** Payments before 28 Nov 2025: awaiting_funds → processing → completed | failed | rejected. */
  legacyPaymentStatuses?: boolean;
  /** Path prefix the host mounts the sandbox under (stripped from requests, added to generated URLs). */
  basePath?: string;
  /** Origin for generated URLs (upload URLs, documents); defaults to the request's origin. */
  publicUrl?: string;
  /** Period of the background timer with the system clock (ms). */
  tickIntervalMs?: number;
  /**
   * Where a partner may point its webhook: PUT /v2/webhooks to any other URL is a 400, and the
   * deliverer checks again before each send. Unset: anywhere (the standalone dev tool).
   */
  webhookTargets?: (url: string, partnerId: string) => boolean;
  /** Signs the pre-signed upload/download URLs; the host should pass a secret of its own (default: a public constant). */
  storageSecret?: string;
  /** Origins allowed to call the /_sandbox helpers from a browser (CORS). Unset: any origin ("*"). */
  helperOrigins?: string[];
};

/** A partner added at runtime (control.provisionPartner), kept in the store so it survives restarts. */
export type ProvisionRequest = { id: string; name: string; features?: Partial<Features>; countryCode?: string };
export type PartnerCredentials = { apiKey: string; accessKeyId: string; secretAccessKey: string };
