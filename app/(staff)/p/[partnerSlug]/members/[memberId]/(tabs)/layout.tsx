import { PageHeader } from "@/components/layout/page-header";
import { MemberStatusBadge } from "@/components/members/member-status-badge";
import { MemberTabs } from "@/components/members/member-tabs";
import { kycStatusOf, memberDisplayName, missingEntryLabel, missingSummary } from "@/lib/members/kyc-status";
import { loadMember } from "../load-member";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string; memberId: string }> };

/**
 * The member's header and tabs, over the read-only tabs. The Sign-in tab's page (access/) sits outside
 * this group with a header of its own; it can move in here once it drops that header.
 */
export default async function MemberLayout({ children, params }: Props) {
  const { partnerSlug, memberId } = await params;
  const { scope, member, basePath } = await loadMember(partnerSlug, memberId);
  const name = memberDisplayName(member);
  const person = `${member.firstName} ${member.lastName}`;
  const status = kycStatusOf(member);
  const missing = missingSummary(member.missingFields);
  const tabs = [
    { href: basePath, label: "Profile" },
    ...(member.accountType === "company" ? [{ href: `${basePath}/company`, label: "Company" }] : []),
    { href: `${basePath}/due-diligence`, label: "Due diligence" },
    { href: `${basePath}/documents`, label: "Documents" },
    { href: `${basePath}/timeline`, label: "Timeline" },
    { href: `${basePath}/activity`, label: "Activity" },
    // The member's invitations and sign-in (members/[memberId]/access): readable with members.read.
    { href: `${basePath}/access`, label: "Sign-in" },
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span>{member.accountType === "company" ? `Company · ${person}` : "Individual"}</span>
            <span aria-hidden="true">·</span>
            <span className="break-all">{member.email}</span>
          </span>
        }
        breadcrumbs={[
          { label: scope.partnerName, href: `/p/${scope.partnerSlug}` },
          { label: "Members", href: `/p/${scope.partnerSlug}/members` },
          { label: name },
        ]}
      />
      <dl className="grid gap-4 rounded-lg border bg-card p-4 text-sm sm:grid-cols-3">
        <div className="space-y-1">
          <dt className="text-muted-foreground">KYC status</dt>
          <dd>
            <MemberStatusBadge status={status} />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-muted-foreground">Wallex&rsquo;s reason</dt>
          <dd className="break-words">{member.wallexReason ?? "None given"}</dd>
        </div>
        <div className="space-y-1">
          <dt className="text-muted-foreground">Missing</dt>
          <dd>
            {missing ?? "Nothing"}
            {missing && (
              <ul className="mt-1 list-disc pl-5 text-xs text-muted-foreground">
                {member.missingFields.map((entry) => (
                  <li key={entry}>{missingEntryLabel(entry)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <MemberTabs tabs={tabs} />
      {children}
    </div>
  );
}
