import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { getMember } from "@/lib/data/members";

/**
 * One lookup per request, shared by the layout (which decides the 404 above the tabs' loading
 * boundaries) and the tabs. Another partner's member, or no member, is a 404.
 */
export const loadMember = cache(async (partnerSlug: string, memberId: string) => {
  const scope = await requireStaff(partnerSlug, "members.read");
  const member = await getMember(getDb(), scope, memberId);
  if (!member) notFound();
  return { scope, member, basePath: `/p/${scope.partnerSlug}/members/${member.id}` };
});
