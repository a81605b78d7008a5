import type { Metadata } from "next";
import { MemberActivityTable } from "@/components/members/member-activity-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { listMemberActivity } from "@/lib/data/members";
import { formatMoney } from "@/lib/format-money";
import { formatDateTime } from "@/lib/format";
import { recordHref } from "@/lib/records/record-href";
import { RESOURCES, titleOf } from "@/lib/records/mirror-tables";
import { loadMember } from "../../load-member";

export const metadata: Metadata = { title: "Member activity" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

/** The member's money in our mirror of Wallex: payments, conversions, collections, fundings… newest first. */
export default async function MemberActivityPage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const { scope, member } = await loadMember(partnerSlug, memberId);
  const activity = await listMemberActivity(getDb(), scope, member);
  const rows = activity.map((row) => ({
    key: `${row.kind}-${row.id}`,
    kind: titleOf(RESOURCES[row.kind]),
    wallexId: row.wallexId,
    status: row.status,
    amount: row.amount === null ? null : formatMoney(row.amount, row.currency),
    reference: row.reference,
    at: formatDateTime(row.at),
    href: recordHref(scope.partnerSlug, row.kind, row),
  }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Activity</CardTitle>
        <CardDescription>
          {member.wallexAccountId
            ? "Money moved in this member's Wallex account, as last read. The latest 100."
            : "The member has no Wallex account yet, so no money has moved."}
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <MemberActivityTable rows={rows} />
      </CardContent>
    </Card>
  );
}
