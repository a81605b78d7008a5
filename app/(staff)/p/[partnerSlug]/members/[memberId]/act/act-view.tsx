import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { getOnboardingMember } from "@/lib/data/member-drafts";
import { STEP_SLUG } from "@/lib/services/onboarding/steps";
import { loadWizard } from "@/lib/services/onboarding/wizard";
import { FORM_STEPS } from "@/lib/validations/onboarding";

/**
 * Staff (members.manage) filling the wizard's form steps as the member, in English: the member is
 * read through the staff scope (only a member of this partner), the saves are audited with both names.
 */
export async function loadActAs(partnerSlug: string, memberId: string) {
  const scope = await requireStaff(partnerSlug, "members.manage");
  if (!z.uuid().safeParse(memberId).success) notFound();
  const db = getDb();
  const member = await getOnboardingMember(db, scope, memberId);
  if (!member) notFound();
  const wizard = await loadWizard(db, scope, member.id);
  return { scope, member, wizard, db };
}

export async function ActAsFrame({
  partnerSlug,
  data,
  title,
  children,
}: {
  partnerSlug: string;
  data: Awaited<ReturnType<typeof loadActAs>>;
  title: string;
  children?: React.ReactNode;
}) {
  const { scope, member, wizard } = data;
  const home = `/p/${scope.partnerSlug}`;
  const name = member.companyName ?? `${member.firstName} ${member.lastName}`;
  const messages = await getMessages({ locale: "en" });
  const formSteps = wizard.statuses.filter((s) => (FORM_STEPS as readonly string[]).includes(s.step));
  return (
    <NextIntlClientProvider locale="en" messages={messages}>
      <div className="space-y-6">
        <PageHeader
          title={`${name}: ${title}`}
          description={`Acting as the member (${member.email}). Every save is recorded with your name and theirs.`}
          breadcrumbs={[
            { label: scope.partnerName, href: home },
            { label: "Members", href: `${home}/members` },
            { label: name, href: `${home}/members/${member.id}` },
            { label: "Act as member" },
          ]}
        />
        <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <aside className="lg:self-start">
            <OnboardingChecklist
              basePath={`/p/${partnerSlug}/members/${member.id}/act`}
              statuses={formSteps}
              slugs={STEP_SLUG}
            />
          </aside>
          <div className="min-w-0">{children}</div>
        </div>
      </div>
    </NextIntlClientProvider>
  );
}
