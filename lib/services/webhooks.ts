import "server-only";
import { WEBHOOK_SECRET_HEADER } from "@/lib/wallex/inbox/receive";

// Registering the webhook (outbound) moved to lib/services/wallex-connection/webhook.ts, its URL to
// lib/wallex/webhook-url.ts; these names stay for the intake's callers and tests.
export { WEBHOOK_SECRET_HEADER };
export { webhookUrlFor } from "@/lib/wallex/webhook-url";
