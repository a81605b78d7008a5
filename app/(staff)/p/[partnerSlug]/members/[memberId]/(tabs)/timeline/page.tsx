import type { Metadata } from "next";
import { MemberTimeline } from "@/components/members/member-timeline";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { listMemberTimeline } from "@/lib/data/members";
import { formatDateTime } from "@/lib/format";
import { loadMember } from "../../load-member";

export const metadata: Metadata = { title: "Member timeline" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

export default async function MemberTimelinePage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const { scope, member } = await loadMember(partnerSlug, memberId);
  const entries = await listMemberTimeline(getDb(), scope, member);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <CardDescription>
          What we did for this member (from the audit log) and each status Wallex gave them, oldest first.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <MemberTimeline entries={entries.map((entry) => ({ ...entry, at: formatDateTime(entry.at) }))} />
      </CardContent>
    </Card>
  );
}
