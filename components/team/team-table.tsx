import { ShieldCheck } from "lucide-react";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { StaffRole } from "@/db/schema";
import { removeStaffAction } from "@/lib/actions/team/remove-staff";
import { formatDate } from "@/lib/format";
import { RoleSelect } from "./role-select";

type Member = {
  membershipId: string;
  role: StaffRole;
  joinedAt: Date;
  userId: string;
  name: string;
  email: string;
  hasTwoFactor: boolean;
};

export function TeamTable({
  partnerSlug,
  currentUserId,
  team,
}: {
  partnerSlug: string;
  currentUserId: string;
  team: Member[];
}) {
  const admins = team.filter((m) => m.role === "admin").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Members ({team.length})</CardTitle>
      </CardHeader>
      <CardContent className="px-0">
        <Table label="Team members">
          <TableHeader>
            <TableRow>
              <TableHead className="pl-6">Name</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Two-factor</TableHead>
              <TableHead>Joined</TableHead>
              <TableHead className="pr-6 text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {team.map((member) => {
              const isYou = member.userId === currentUserId;
              return (
                <TableRow key={member.membershipId} data-testid={`member-${member.email}`}>
                  <TableCell className="pl-6">
                    <div className="font-medium">
                      {member.name}
                      {isYou && <span className="ml-2 text-xs text-muted-foreground">(you)</span>}
                    </div>
                    <div className="text-xs text-muted-foreground">{member.email}</div>
                  </TableCell>
                  <TableCell>
                    <RoleSelect
                      partnerSlug={partnerSlug}
                      membershipId={member.membershipId}
                      role={member.role}
                      name={member.name}
                      email={member.email}
                      disabledReason={
                        member.role === "admin" && admins <= 1
                          ? "A partner needs at least one admin. Make someone else admin first."
                          : undefined
                      }
                    />
                  </TableCell>
                  <TableCell>
                    {member.hasTwoFactor ? (
                      <Badge variant="success">
                        <ShieldCheck className="mr-1 size-3" aria-hidden /> On
                      </Badge>
                    ) : (
                      <Badge variant="outline">Off</Badge>
                    )}
                  </TableCell>
                  <TableCell className="text-muted-foreground">{formatDate(member.joinedAt)}</TableCell>
                  <TableCell className="pr-6 text-right">
                    {/* Your own row offers no Remove: another admin removes you (the server refuses it too). */}
                    {!isYou && (
                      <ConfirmActionButton
                        action={removeStaffAction}
                        fields={{ partnerSlug, membershipId: member.membershipId }}
                        label="Remove"
                        title={`Remove ${member.name}?`}
                        description={`${member.email} loses access to this partner on their next click. Their other partners are not affected.`}
                        confirmLabel="Remove from team"
                        success={`${member.name} was removed.`}
                        destructive
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
