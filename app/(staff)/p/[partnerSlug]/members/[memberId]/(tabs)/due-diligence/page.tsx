import type { Metadata } from "next";
import { DraftSection } from "@/components/members/draft-section";
import { loadDrafts } from "../../load-drafts";

export const metadata: Metadata = { title: "Member due diligence" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

export default async function MemberDueDiligencePage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const drafts = await loadDrafts(partnerSlug, memberId);
  return (
    <DraftSection
      title="Customer due diligence"
      description="The member's answers on what the account is for and where its money comes from, as saved here."
      draft={drafts.due_diligence}
      emptyText="The member has not answered the due diligence questions yet."
    />
  );
}
