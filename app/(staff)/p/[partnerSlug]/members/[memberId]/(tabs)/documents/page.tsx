import type { Metadata } from "next";
import { MemberDocumentsTable } from "@/components/members/member-documents-table";
import { DraftSection } from "@/components/members/draft-section";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { listMemberDocuments } from "@/lib/data/members";
import { recordHref } from "@/lib/records/record-href";
import { loadDrafts } from "../../load-drafts";
import { loadMember } from "../../load-member";

export const metadata: Metadata = { title: "Member documents" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

/** The documents Wallex holds for the member's user (our mirror), and what the wizard saved of them. */
export default async function MemberDocumentsPage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const [{ scope, member }, drafts] = await Promise.all([
    loadMember(partnerSlug, memberId),
    loadDrafts(partnerSlug, memberId),
  ]);
  const documents = await listMemberDocuments(getDb(), scope, member);
  const rows = documents.map((d) => ({
    id: d.id,
    wallexId: d.wallexId,
    status: d.status,
    documentType: d.documentType,
    fileName: typeof d.data.documentName === "string" ? d.data.documentName : null,
    at: d.wallexCreatedAt ?? d.readAt,
    href: recordHref(scope.partnerSlug, "document", d),
  }));
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>At Wallex</CardTitle>
          <CardDescription>
            {member.wallexUserId
              ? "The documents Wallex holds for this member, as last read."
              : "The member is not signed up at Wallex yet, so Wallex holds no documents."}
          </CardDescription>
        </CardHeader>
        <CardContent className="px-0">
          <MemberDocumentsTable rows={rows} />
        </CardContent>
      </Card>
      {drafts.documents && (
        <DraftSection
          title="Saved in onboarding"
          description="What the wizard recorded about the member's uploads."
          draft={drafts.documents}
          emptyText="Nothing recorded."
        />
      )}
    </div>
  );
}
