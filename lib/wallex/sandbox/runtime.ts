/** Process-local test state: the request log and injected faults. Not persisted. */
export type RequestRecord = {
  id: string; at: string; method: string; path: string; query: Record<string, string>;
  status: number; durationMs: number; requestId?: string; body?: unknown;
};

export type RequestFault = { remaining: number; status?: number; delayMs?: number; message?: string };
export type WebhookFault = "drop" | "duplicate";

const LOG_SIZE = 500;

export class Runtime {
  private logs = new Map<string, RequestRecord[]>();
  private requestFaults = new Map<string, RequestFault>();
  private webhookFaults = new Map<string, WebhookFault[]>();

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
    if (!f || f.remaining <= 0) return undefined;
    f.remaining -= 1;
    return f;
  }

  addWebhookFault(partnerId: string, fault: WebhookFault, count: number) {
    const list = this.webhookFaults.get(partnerId) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.webhookFaults.set(partnerId, list);
  }

  takeWebhookFault(partnerId: string): WebhookFault | undefined {
    return this.webhookFaults.get(partnerId)?.shift();
  }

  reset(partnerId?: string) {
    for (const m of [this.logs, this.requestFaults, this.webhookFaults] as Map<string, unknown>[]) {
      if (partnerId) m.delete(partnerId);
      else m.clear();
    }
  }
}
