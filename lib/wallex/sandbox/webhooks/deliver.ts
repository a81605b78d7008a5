import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import type { Doc } from "../store/types";

/**
 * One delivery attempt: POST the payload with the subscription's headers, 200 within the timeout
 * counts as delivered; otherwise a retry is scheduled on the clock (up to 3 retries). The job is
 * removed in the same write that records the answer, so a send cut short by close() stays queued.
 */
export async function deliver(engine: Engine, job: Doc): Promise<void> {
  const delivery = engine.state.get("delivery", job.ref);
  if (!delivery || delivery.status !== "pending") {
    await engine.write((tx) => tx.get("job", job.id) && tx.remove("job", job.id));
    return;
  }
  const send = engine.options.webhookFetch ?? fetch;
  const timeoutMs = engine.options.webhookTimeoutMs ?? CHOICES.webhook.timeoutMs;
  const startedAt = engine.now();
  let statusCode: number | null = null;
  let error: string | undefined;
  const allowed = engine.options.webhookTargets;
  if (allowed && !allowed(delivery.url, delivery._partnerId)) {
    // The subscription was stored before the rule (or by another route): never send, never retry.
    await engine.write((tx) => {
      if (tx.get("job", job.id)) tx.remove("job", job.id);
      if (!tx.get("delivery", delivery.id)) return;
      tx.update("delivery", delivery.id, {
        status: "failed",
        nextAttemptAt: null,
        attempts: [
          ...delivery.attempts,
          { at: iso(startedAt), statusCode: null, error: "webhook address not allowed" },
        ],
      });
    });
    return;
  }
  try {
    const res = await send(delivery.url, {
      method: "POST",
      // The documented sandbox source address (webhooks.md §3), for receivers that check it behind a proxy.
      headers: {
        "x-forwarded-for": "175.41.191.143",
        ...delivery.headers,
        "content-type": "application/json",
        "user-agent": "wallex-sandbox-webhook/1",
      },
      body: JSON.stringify(delivery.payload),
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), engine.shutdown.signal]),
      redirect: "manual",
    });
    statusCode = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch (e) {
    error = e instanceof Error ? (e.name === "TimeoutError" ? `timeout after ${timeoutMs} ms` : e.message) : String(e);
  }
  // Cut short by close(): no answer to record; the job stays queued for the next start.
  if (statusCode === null && engine.shutdown.signal.aborted) return;
  const delays = engine.options.webhookRetryDelaysMs ?? CHOICES.webhook.retryDelaysMs;
  await engine.write((tx) => {
    if (tx.get("job", job.id)) tx.remove("job", job.id);
    const current = tx.get("delivery", delivery.id);
    if (!current) return;
    const attempts = [...current.attempts, { at: iso(startedAt), statusCode, error }];
    const ok = statusCode === 200;
    const retryIn = delays[attempts.length - 1];
    const status = ok ? "delivered" : retryIn === undefined ? "failed" : "pending";
    tx.update("delivery", delivery.id, {
      attempts,
      status,
      nextAttemptAt: status === "pending" ? iso(tx.now + retryIn) : null,
    });
    if (status === "pending") engine.schedule(tx, current._partnerId, "deliver", delivery.id, retryIn);
  });
}
