import { MailOpen } from "lucide-react";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Invitation } from "@/db/schema";
import { resendInvitationAction } from "@/lib/actions/team/resend-invitation";
import { revokeInvitationAction } from "@/lib/actions/team/revoke-invitation";
import { roleLabels } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";

export function InvitationsTable({ partnerSlug, invitations }: { partnerSlug: string; invitations: Invitation[] }) {
  const now = new Date();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pending invitations</CardTitle>
      </CardHeader>
      <CardContent className={invitations.length ? "px-0" : undefined}>
        {invitations.length === 0 ? (
          <EmptyState
            icon={<MailOpen />}
            title="No pending invitations"
            description="Invitations you send appear here until they are accepted."
          />
        ) : (
          <Table label="Pending invitations">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead className="pr-6 text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => {
                const expired = invitation.expiresAt <= now;
                const fields = { partnerSlug, invitationId: invitation.id };
                return (
                  <TableRow key={invitation.id} data-testid={`invitation-${invitation.email}`}>
                    <TableCell className="pl-6 font-medium">{invitation.email}</TableCell>
                    <TableCell>{roleLabels[invitation.role]}</TableCell>
                    <TableCell>
                      {expired ? <Badge variant="warning">Expired</Badge> : formatDateTime(invitation.expiresAt)}
                    </TableCell>
                    <TableCell className="pr-6">
                      <div className="flex justify-end gap-1">
                        <ActionButton
                          action={resendInvitationAction}
                          fields={fields}
                          success={`Invitation sent again to ${invitation.email}.`}
                        >
                          Resend
                        </ActionButton>
                        <ConfirmActionButton
                          action={revokeInvitationAction}
                          fields={fields}
                          label="Revoke"
                          title="Revoke this invitation?"
                          description={`The link sent to ${invitation.email} will stop working.`}
                          confirmLabel="Revoke invitation"
                          success="Invitation revoked."
                          destructive
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
