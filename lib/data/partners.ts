import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners, wallexConnections } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";

export async function getPartnerOrThrow(db: Executor, scope: StaffScope) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, scope.partnerId)).limit(1);
  if (!partner) throw notFound("Partner");
  return partner;
}

/** The connection as the browser may see it: never the secrets, only their last four characters. */
export async function getWallexConnectionView(db: Executor, scope: StaffScope) {
  const [row] = await db
    .select({
      baseUrl: wallexConnections.baseUrl,
      kind: wallexConnections.kind,
      requestsPerSecond: wallexConnections.requestsPerSecond,
      apiKeyLast4: wallexConnections.apiKeyLast4,
      accessKeyIdLast4: wallexConnections.accessKeyIdLast4,
      secretAccessKeyLast4: wallexConnections.secretAccessKeyLast4,
      updatedAt: wallexConnections.updatedAt,
      webhookRegisteredAt: wallexConnections.webhookRegisteredAt,
    })
    .from(wallexConnections)
    .where(scopeWhere(wallexConnections, scope))
    .limit(1);
  return row ?? null;
}

export async function getWallexConnectionRow(db: Executor, scope: StaffScope) {
  const [row] = await db.select().from(wallexConnections).where(scopeWhere(wallexConnections, scope)).limit(1);
  return row ?? null;
}
