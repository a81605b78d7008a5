import type { Metadata } from "next";
import Link from "next/link";
import { DraftSection } from "@/components/members/draft-section";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { countryName } from "@/lib/countries";
import { formatDateTime } from "@/lib/format";
import { loadDrafts } from "../../load-drafts";
import { loadMember } from "../../load-member";

export const metadata: Metadata = { title: "Member" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

const SIGNUPS = {
  full: "Full signup",
  lite_company: "Lite signup (company)",
  lite_individual: "Lite signup (individual)",
};

export default async function MemberProfilePage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const [{ scope, member }, drafts] = await Promise.all([
    loadMember(partnerSlug, memberId),
    loadDrafts(partnerSlug, memberId),
  ]);
  const facts: [string, React.ReactNode][] = [
    ["First name", member.firstName],
    ["Last name", member.lastName],
    ["E-mail", member.email],
    ["Country", `${countryName(member.countryCode) ?? member.countryCode} (${member.countryCode})`],
    ["Language", member.locale === "id" ? "Bahasa Indonesia" : "English"],
    ["Signup", SIGNUPS[member.signupKind]],
    ["Created", formatDateTime(member.createdAt)],
    ["Last activity", formatDateTime(member.lastActivityAt)],
    [
      "Wallex user",
      member.wallexUserId ? (
        <Link
          key="user"
          href={`/p/${scope.partnerSlug}/records/user/${encodeURIComponent(member.wallexUserId)}`}
          className="font-mono text-xs break-all text-primary underline-offset-4 hover:underline"
        >
          {member.wallexUserId}
        </Link>
      ) : (
        "Not signed up at Wallex yet"
      ),
    ],
    [
      "Wallex account",
      <span key="account" className="font-mono text-xs break-all">
        {member.wallexAccountId ?? "—"}
      </span>,
    ],
  ];
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Member account</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0 space-y-1">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <DraftSection
        title="Personal details"
        description="What the member typed in onboarding, as saved here."
        draft={drafts.personal}
        emptyText="The member has not saved personal details yet."
      />
    </div>
  );
}
