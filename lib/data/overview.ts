import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { staffMemberships, wallexConnections } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";

export type OverviewFigures = { team: number; admins: number; connectionBaseUrl: string | null };

/** The overview's cards in one round trip: the team's size, its admins, and the Wallex connection's base URL (null: none). */
export async function getOverviewFigures(db: Executor, scope: StaffScope): Promise<OverviewFigures> {
  const team = db.select({ n: count() }).from(staffMemberships).where(scopeWhere(staffMemberships, scope));
  const admins = db
    .select({ n: count() })
    .from(staffMemberships)
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.role, "admin")));
  const baseUrl = db
    .select({ baseUrl: wallexConnections.baseUrl })
    .from(wallexConnections)
    .where(scopeWhere(wallexConnections, scope));
  const {
    rows: [row],
  } = await db.execute<{ team: number; admins: number; base_url: string | null }>(
    sql`select (${team})::int as team, (${admins})::int as admins, (${baseUrl}) as base_url`,
  );
  return { team: row.team, admins: row.admins, connectionBaseUrl: row.base_url };
}
