import { after } from "next/server";
import { getDb } from "@/db";
import { sendJob } from "@/lib/jobs/boss";
import { queues } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { receiveWebhook } from "@/lib/services/webhooks";

/** Wallex notifications for one partner: verified, written to the inbox, answered. Nothing else inline. */
export async function POST(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  try {
    const receipt = await receiveWebhook(getDb(), partnerId, request.headers, await request.text());
    if (receipt.status === 200 && receipt.eventId) queueProcessing(receipt.eventId);
    return Response.json({ received: receipt.status === 200 }, { status: receipt.status });
  } catch (error) {
    // A 500 makes Wallex retry later, which is what we want when our database is down.
    logger.error({ err: error, partnerId }, "webhook intake failed");
    return Response.json({ received: false }, { status: 500 });
  }
}

/** Once the answer is out. Should this fail or the process die first, the inbox sweep picks the event up. */
function queueProcessing(eventId: string) {
  try {
    after(() => sendJob(queues.processWebhook.name, { eventId }).catch((error) => logger.warn({ err: error, eventId }, "webhook job not queued; the sweep will")));
  } catch {
    // Called outside a request (tests driving the handler directly): the sweep covers it.
  }
}
