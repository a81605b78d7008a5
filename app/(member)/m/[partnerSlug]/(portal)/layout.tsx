import { PortalHeader } from "@/components/member/portal-header";
import { requireMember } from "@/lib/auth/member-session";

/** The signed-in portal: only the session's member, at the session's partner (else sign-in or 404). */
export default async function PortalLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ partnerSlug: string }>;
}) {
  const { partnerSlug } = await params;
  const scope = await requireMember(partnerSlug);
  return (
    <div className="min-h-dvh bg-muted/40">
      <PortalHeader partnerSlug={partnerSlug} partnerName={scope.partnerName} memberName={scope.member.name} />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </div>
  );
}
