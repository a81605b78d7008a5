import type { Metadata } from "next";
import { DocumentsStep } from "@/components/onboarding/document-step";
import { getDb } from "@/db";
import { requireMember } from "@/lib/auth/member-session";
import { getDocumentsOverview } from "@/lib/services/onboarding/documents";
import { documentsMessages, documentsText } from "@/lib/services/onboarding/documents-messages";

type Props = { params: Promise<{ partnerSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scope = await requireMember((await params).partnerSlug);
  return { title: documentsText(documentsMessages(scope.member.locale))("title") };
}

/** The wizard's documents step: what this member must upload (by country and account type), and each one's state. */
export default async function OnboardingDocumentsPage({ params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireMember(partnerSlug);
  const messages = documentsMessages(scope.member.locale);
  const t = documentsText(messages);
  const overview = await getDocumentsOverview(getDb(), scope, scope.memberId);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <DocumentsStep partnerSlug={partnerSlug} initial={overview} messages={messages} />
    </div>
  );
}
