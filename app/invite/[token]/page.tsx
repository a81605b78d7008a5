import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptAsCurrentUser } from "@/components/invitations/accept-as-current-user";
import { NewAccountForm } from "@/components/invitations/new-account-form";
import { AuthCard } from "@/components/layout/auth-card";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { roleLabels } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { lookupInvitation } from "@/lib/services/accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

const problems = {
  invalid: [
    "This link is not valid",
    "Check that you copied the whole link from the email, or ask for a new invitation.",
  ],
  expired: [
    "This invitation has expired",
    "Invitations work for 72 hours. Ask an admin of the partner to send it again.",
  ],
  used: ["This invitation was already used", "Each invitation works once. If you joined, sign in as usual."],
  revoked: ["This invitation was withdrawn", "An admin revoked it. Ask them for a new one if you still need access."],
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [lookup, user] = await Promise.all([lookupInvitation(getDb(), decodeToken(token)), getCurrentUser()]);

  if (lookup.status !== "valid") {
    const [title, description] = problems[lookup.status];
    return (
      <AuthCard title={title} description={description}>
        <Button asChild variant="outline" className="w-full">
          <Link href="/sign-in">Go to sign in</Link>
        </Button>
      </AuthCard>
    );
  }

  const { invitation, partner } = lookup;
  const title = `Join ${partner.name}`;
  const description = `You are invited as ${roleLabels[invitation.role]} (${invitation.email}).`;
  const sameEmail = user && user.email.toLowerCase() === invitation.email.toLowerCase();

  if (user && !sameEmail) {
    return (
      <AuthCard title={title} description={description}>
        <p className="mb-4 text-sm">
          You are signed in as <strong>{user.email}</strong>. Sign out, then open the link again to accept as{" "}
          {invitation.email}.
        </p>
        <SignOutButton />
      </AuthCard>
    );
  }
  if (user) {
    return (
      <AuthCard title={title} description={description}>
        <AcceptAsCurrentUser token={token} partnerName={partner.name} />
      </AuthCard>
    );
  }
  // One page whether or not the address already has an account (perhaps at another partner), so
  // whoever holds the link, the inviting partner included, learns nothing about it.
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <AuthCard
      title={title}
      description={description}
      footer={
        <>
          Already have a Partner Desk account?{" "}
          <Link href={signInHref} className="font-medium text-primary underline underline-offset-4">
            Sign in to accept
          </Link>
        </>
      }
    >
      <p className="mb-4 text-sm text-muted-foreground">
        New to Partner Desk? Choose your name and a password to create your account.
      </p>
      <NewAccountForm token={token} email={invitation.email} />
    </AuthCard>
  );
}

/** A malformed escape (`%E0%A4%A`) is a link that is not valid, not an error. */
function decodeToken(token: string) {
  try {
    return decodeURIComponent(token);
  } catch {
    return "";
  }
}
