import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import { wakeInboxDrainer } from "@/lib/wallex/inbox/wake";
import { receiveWebhook } from "@/lib/wallex/inbox/receive";

/**
 * Wallex notifications for one partner: verified, written to the inbox, answered. Nothing else
 * inline; the worker's inbox drainer processes them (woken here when it runs in this process).
 */
export async function POST(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  try {
    const receipt = await receiveWebhook(getDb(), partnerId, request);
    if (receipt.status === 200) wakeInboxDrainer(partnerId);
    return Response.json({ received: receipt.status === 200 }, { status: receipt.status });
  } catch (error) {
    // A 500 makes Wallex retry later, which is what we want when our database is down. Only the
    // driver's own message is logged: the query error around it quotes the parameters, the body.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const { message, code } =
      cause instanceof Error ? (cause as Error & { code?: string }) : { message: String(cause), code: undefined };
    logger.error({ partnerId, error: { message, code } }, "webhook intake failed");
    return Response.json({ received: false }, { status: 500 });
  }
}
