import type { Metadata } from "next";
import { DraftSection } from "@/components/members/draft-section";
import { loadDrafts } from "../../load-drafts";

export const metadata: Metadata = { title: "Member company" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

export default async function MemberCompanyPage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const drafts = await loadDrafts(partnerSlug, memberId);
  return (
    <DraftSection
      title="Company details"
      description="The company as the member described it in onboarding, as saved here."
      draft={drafts.company}
      emptyText="The member has not saved company details yet."
    />
  );
}
