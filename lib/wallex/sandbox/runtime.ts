/** Process-local test state: the request log and injected faults. Not persisted. */
export type RequestRecord = {
  id: string;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  durationMs: number;
  requestId?: string;
  body?: unknown;
};

/**
 * Injected request faults: the next `remaining` requests, or each request with probability `rate`.
 * `after` lets the request take effect and then loses its answer (the status replaces the
 * response): the unknown outcome a client must resolve by reading back.
 */
export type RequestFault = {
  remaining: number;
  rate?: number;
  status?: number;
  delayMs?: number;
  message?: string;
  after?: boolean;
};
export type WebhookFault = "drop" | "duplicate";
export type WebhookFaultRate = { mode: WebhookFault; rate: number };

const LOG_SIZE = 500;

export class Runtime {
  private logs = new Map<string, RequestRecord[]>();
  private requestFaults = new Map<string, RequestFault>();
  private webhookFaults = new Map<string, WebhookFault[]>();
  private webhookFaultRates = new Map<string, WebhookFaultRate>();

  constructor(private random: () => number = Math.random) {}

  log(partnerId: string, record: RequestRecord) {
    let list = this.logs.get(partnerId);
    if (!list) this.logs.set(partnerId, (list = []));
    list.push(record);
    if (list.length > LOG_SIZE) list.splice(0, list.length - LOG_SIZE);
  }

  requests(partnerId: string): RequestRecord[] {
    return [...(this.logs.get(partnerId) ?? [])].reverse();
  }

  setRequestFault(partnerId: string, fault: RequestFault) {
    this.requestFaults.set(partnerId, fault);
  }

  takeRequestFault(partnerId: string): RequestFault | undefined {
    const f = this.requestFaults.get(partnerId);
    if (f?.rate !== undefined) return this.random() < f.rate ? f : undefined;
    if (!f || f.remaining <= 0) return undefined;
    f.remaining -= 1;
    return f;
  }

  addWebhookFault(partnerId: string, fault: WebhookFault, count: number) {
    const list = this.webhookFaults.get(partnerId) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.webhookFaults.set(partnerId, list);
  }

  setWebhookFaultRate(partnerId: string, fault: WebhookFaultRate) {
    if (fault.rate > 0) this.webhookFaultRates.set(partnerId, fault);
    else this.webhookFaultRates.delete(partnerId);
  }

  takeWebhookFault(partnerId: string): WebhookFault | undefined {
    const queued = this.webhookFaults.get(partnerId)?.shift();
    if (queued) return queued;
    const random = this.webhookFaultRates.get(partnerId);
    return random && this.random() < random.rate ? random.mode : undefined;
  }

  reset(partnerId?: string) {
    for (const m of [this.logs, this.requestFaults, this.webhookFaults, this.webhookFaultRates] as Map<
      string,
      unknown
    >[]) {
      if (partnerId) m.delete(partnerId);
      else m.clear();
    }
  }
}
