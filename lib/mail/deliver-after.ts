import "server-only";
import { after } from "next/server";
import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import { deliverQueuedMail, smtpConfigured } from "./outbox";

/** Sends queued mail once the response is out (and so after the action's transaction committed). */
export function afterCommitDeliverMail() {
  if (!smtpConfigured()) return;
  after(async () => {
    try {
      await deliverQueuedMail(getDb());
    } catch (error) {
      logger.warn({ err: error }, "outbox delivery failed; the worker will retry");
    }
  });
}
