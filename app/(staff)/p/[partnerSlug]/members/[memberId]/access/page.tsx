import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { InvitationPanel } from "@/components/members/invitation-panel";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/scope";
import { listMemberInvitations } from "@/lib/data/member-invitations";
import { getMemberOrThrow } from "@/lib/data/member-writes";
import { AppError } from "@/lib/errors";
import { invitationState } from "@/lib/services/members/invitations";
import { z } from "zod";

export const metadata: Metadata = { title: "Member access" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

export default async function MemberAccessPage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const scope = await requireStaff(partnerSlug, "members.read");
  if (!z.uuid().safeParse(memberId).success) notFound();
  const db = getDb();
  const member = await getMemberOrThrow(db, scope, memberId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const now = new Date();
  const invitations = (await listMemberInvitations(db, scope, member.id)).map((invitation) => ({
    ...invitation,
    state: invitationState(invitation, now),
    open: !invitation.acceptedAt && !invitation.revokedAt,
  }));
  const home = `/p/${scope.partnerSlug}`;
  const name = member.companyName ?? `${member.firstName} ${member.lastName}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${name}: access`}
        description="How the member signs in to the member portal."
        breadcrumbs={[
          { label: scope.partnerName, href: home },
          { label: "Members", href: `${home}/members` },
          { label: name, href: `${home}/members/${member.id}` },
          { label: "Access" },
        ]}
      />
      <InvitationPanel
        partnerSlug={scope.partnerSlug}
        member={{ id: member.id, email: member.email }}
        invitations={invitations}
        canManage={can(scope.role, "members.manage")}
      />
    </div>
  );
}
