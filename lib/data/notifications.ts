import "server-only";
import { and, desc, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexTimeline } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/scope";

/** Notifications are the status changes Wallex told us about (webhooks, reconcile), not those our own requests wrote. */
export async function listNotifications(db: Executor, scope: StaffScope, limit = 20) {
  return db
    .select({ id: wallexTimeline.id, kind: wallexTimeline.kind, wallexId: wallexTimeline.wallexId, status: wallexTimeline.status, previousStatus: wallexTimeline.previousStatus, at: wallexTimeline.at })
    .from(wallexTimeline)
    .where(and(scopeWhere(wallexTimeline, scope), ne(wallexTimeline.source, "write")))
    .orderBy(desc(wallexTimeline.at))
    .limit(limit);
}
