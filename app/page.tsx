import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import { getCurrentUser } from "@/lib/auth/session";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { AuthCard } from "@/components/layout/auth-card";
import { SignOutButton } from "@/components/auth/sign-out-button";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    const member = await getCurrentMemberScope();
    redirect(member ? `/m/${member.partnerSlug}` : "/sign-in");
  }
  const [first] = await listStaffMembershipsOfUser(getDb(), user.id);
  if (first) redirect(`/p/${first.partnerSlug}`);
  return (
    <AuthCard
      title="No workspace yet"
      description={`You are signed in as ${user.email}, but no partner has added you to its team.`}
    >
      <p className="text-sm text-muted-foreground">
        Ask an admin of your partner to invite you, then open the link in the email.
      </p>
      <div className="mt-6">
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
