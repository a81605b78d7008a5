import { UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countryName } from "@/lib/countries";
import { formatDate, formatDateTime } from "@/lib/format";
import { kycStatusOf, memberDisplayName, missingSummary } from "@/lib/members/kyc-status";
import type { MemberStage } from "@/db/schema";
import { MemberStatusBadge } from "./member-status-badge";

export type MemberListItem = {
  id: string;
  accountType: "individual" | "company";
  email: string;
  firstName: string;
  lastName: string;
  companyName: string | null;
  countryCode: string;
  stage: MemberStage;
  wallexStatus: string | null;
  wallexReason: string | null;
  missingFields: string[];
  createdAt: Date;
  lastActivityAt: Date;
};

type Props = {
  rows: MemberListItem[];
  basePath: string;
  filtered: boolean;
  /** Where "New member" goes, for people who may add members; absent, no button. */
  newMemberHref?: string;
};

const WIDE_ONLY = "hidden xl:table-cell";

export function MembersTable({ rows, basePath, filtered, newMemberHref }: Props) {
  if (rows.length === 0) {
    return (
      <div className="p-6">
        {filtered ? (
          <ListEmptyState icon={<Users />} noun="members" filtered clearHref={basePath} />
        ) : (
          <EmptyState
            icon={<Users />}
            title="No members yet"
            description="Members are the people and companies this partner onboards to Wallex. Each gets an invitation to fill in their details."
            action={
              newMemberHref && (
                <Button asChild>
                  <Link href={newMemberHref}>
                    <UserPlus aria-hidden="true" />
                    New member
                  </Link>
                </Button>
              )
            }
          />
        )}
      </div>
    );
  }
  return (
    <Table label="Members">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Name</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>KYC status</TableHead>
          <TableHead>Missing</TableHead>
          <TableHead className={WIDE_ONLY}>Country</TableHead>
          <TableHead className={WIDE_ONLY}>Created</TableHead>
          <TableHead className="pr-6">Last activity</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((member) => {
          const status = kycStatusOf(member);
          const name = memberDisplayName(member);
          const person = `${member.firstName} ${member.lastName}`;
          const missing = missingSummary(member.missingFields);
          return (
            <TableRow key={member.id} className="align-top">
              <TableCell className="pl-6">
                <div className="max-w-56 min-w-36">
                  <Link
                    href={`${basePath}/${member.id}`}
                    className="block truncate font-medium text-primary underline-offset-4 hover:underline"
                    title={name}
                  >
                    {name}
                  </Link>
                  <div className="truncate text-xs text-muted-foreground" title={member.email}>
                    {member.accountType === "company" && name !== person ? `${person} · ` : ""}
                    {member.email}
                  </div>
                </div>
              </TableCell>
              <TableCell className="text-muted-foreground">
                {member.accountType === "company" ? "Company" : "Individual"}
              </TableCell>
              <TableCell>
                <div className="max-w-48 min-w-28 space-y-1">
                  <MemberStatusBadge status={status} />
                  {member.wallexReason && (
                    <div className="line-clamp-2 text-xs text-muted-foreground" title={member.wallexReason}>
                      {member.wallexReason}
                    </div>
                  )}
                </div>
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {missing ? <span title={member.missingFields.join(", ")}>{missing}</span> : "Nothing"}
              </TableCell>
              <TableCell className={`${WIDE_ONLY} text-muted-foreground`}>
                <span title={countryName(member.countryCode)}>{member.countryCode}</span>
              </TableCell>
              <TableCell className={`${WIDE_ONLY} min-w-24 text-muted-foreground`}>
                {formatDate(member.createdAt)}
              </TableCell>
              <TableCell className="min-w-24 pr-6 text-muted-foreground">
                {formatDateTime(member.lastActivityAt)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
