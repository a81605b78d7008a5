import { MailOpen } from "lucide-react";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MemberInvitation } from "@/db/schema";
import {
  resendMemberInvitationAction,
  revokeMemberInvitationAction,
  sendMemberInvitationAction,
} from "@/lib/actions/members/invitations";
import { formatDateTime } from "@/lib/format";
import type { InvitationState } from "@/lib/services/members/invitations";

export type InvitationView = Pick<MemberInvitation, "id" | "createdAt" | "expiresAt" | "acceptedAt" | "revokedAt"> & {
  state: InvitationState;
  /** Neither accepted nor revoked: it can be resent (an expired one too) or revoked. */
  open: boolean;
};

const badges: Record<InvitationState, { label: string; variant: "info" | "success" | "secondary" | "warning" }> = {
  pending: { label: "Pending", variant: "info" },
  accepted: { label: "Accepted", variant: "success" },
  revoked: { label: "Revoked", variant: "secondary" },
  expired: { label: "Expired", variant: "warning" },
};

function when(invitation: InvitationView) {
  if (invitation.state === "accepted" && invitation.acceptedAt)
    return `Accepted ${formatDateTime(invitation.acceptedAt)}`;
  if (invitation.state === "revoked" && invitation.revokedAt) return `Revoked ${formatDateTime(invitation.revokedAt)}`;
  if (invitation.state === "expired") return `Expired ${formatDateTime(invitation.expiresAt)}`;
  return `Pending until ${formatDateTime(invitation.expiresAt)}`;
}

type Props = {
  partnerSlug: string;
  member: { id: string; email: string };
  invitations: InvitationView[];
  canManage: boolean;
};

/** The member's sign-in invitations: the open one with Resend and Revoke, and the history. */
export function InvitationPanel({ partnerSlug, member, invitations, canManage }: Props) {
  const open = invitations.find((i) => i.open);
  const fields = { partnerSlug, memberId: member.id };
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>Invitation</CardTitle>
          <CardDescription>
            A link to the member portal, mailed to {member.email} in the member&apos;s language. It works once and
            expires after 72 hours; resending mails a new link and the old one stops working.
          </CardDescription>
        </div>
        {canManage && !open && (
          <ActionButton
            action={sendMemberInvitationAction}
            fields={fields}
            success={`Invitation sent to ${member.email}.`}
            variant="outline"
          >
            Send a new invitation
          </ActionButton>
        )}
      </CardHeader>
      <CardContent className={invitations.length ? "px-0" : undefined}>
        {invitations.length === 0 ? (
          <EmptyState
            icon={<MailOpen />}
            title="No invitation yet"
            description="Send one to let the member sign in and complete their details."
          />
        ) : (
          <Table label="Invitations">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">Status</TableHead>
                <TableHead>Sent</TableHead>
                <TableHead>Details</TableHead>
                <TableHead className="pr-6 text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id} data-testid="member-invitation" data-state={invitation.state}>
                  <TableCell className="pl-6">
                    <Badge variant={badges[invitation.state].variant}>{badges[invitation.state].label}</Badge>
                  </TableCell>
                  <TableCell>{formatDateTime(invitation.createdAt)}</TableCell>
                  <TableCell>{when(invitation)}</TableCell>
                  <TableCell className="pr-6">
                    {canManage && invitation.open && (
                      <div className="flex justify-end gap-1">
                        <ActionButton
                          action={resendMemberInvitationAction}
                          fields={{ ...fields, invitationId: invitation.id }}
                          success={`Invitation sent again to ${member.email}.`}
                        >
                          Resend
                        </ActionButton>
                        <ConfirmActionButton
                          action={revokeMemberInvitationAction}
                          fields={{ ...fields, invitationId: invitation.id }}
                          label="Revoke"
                          title="Revoke this invitation?"
                          description={`The link sent to ${member.email} will stop working.`}
                          confirmLabel="Revoke invitation"
                          success="Invitation revoked."
                          destructive
                        />
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
