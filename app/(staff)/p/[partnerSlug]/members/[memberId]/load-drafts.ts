import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { getMemberDrafts } from "@/lib/data/members";
import { loadMember } from "./load-member";

/** The member's saved wizard steps, by step. */
export const loadDrafts = cache(async (partnerSlug: string, memberId: string) => {
  const { scope, member } = await loadMember(partnerSlug, memberId);
  const drafts = await getMemberDrafts(getDb(), scope, member.id);
  return Object.fromEntries(drafts.map((d) => [d.step, d]));
});
