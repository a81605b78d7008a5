import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import { receiveWebhook } from "@/lib/wallex/inbox/receive";

/**
 * Wallex notifications for one partner: verified, written to the inbox, answered. Nothing else
 * inline; the inbox sweep processes them.
 */
export async function POST(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  try {
    const receipt = await receiveWebhook(getDb(), partnerId, request);
    return Response.json({ received: receipt.status === 200 }, { status: receipt.status });
  } catch (error) {
    // A 500 makes Wallex retry later, which is what we want when our database is down.
    logger.error({ err: error, partnerId }, "webhook intake failed");
    return Response.json({ received: false }, { status: 500 });
  }
}
