import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { InviteForm } from "@/components/team/invite-form";
import { InvitationsTable } from "@/components/team/invitations-table";
import { TeamTable } from "@/components/team/team-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { listOpenInvitations, listTeam } from "@/lib/data/team";

export const metadata: Metadata = { title: "Team" };

type Props = { params: Promise<{ partnerSlug: string }> };

export default async function TeamPage({ params }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "team.manage");
  const db = getDb();
  const [team, invitations] = await Promise.all([listTeam(db, scope), listOpenInvitations(db, scope)]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Team"
        description="Who works in this partner's back office, and what each of them may do."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Team" }]}
      />
      <Card>
        <CardHeader>
          <CardTitle>Invite a team member</CardTitle>
          <CardDescription>They get an email with a link that works once and expires in 72 hours.</CardDescription>
        </CardHeader>
        <CardContent>
          <InviteForm partnerSlug={scope.partnerSlug} />
        </CardContent>
      </Card>
      <TeamTable partnerSlug={scope.partnerSlug} currentUserId={scope.user.id} team={team} />
      <InvitationsTable partnerSlug={scope.partnerSlug} invitations={invitations} />
    </div>
  );
}
