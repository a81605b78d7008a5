import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { MemberOnboardingForm } from "@/components/settings/member-onboarding-form";
import { PartnerProfileForm } from "@/components/settings/partner-profile-form";
import { WallexConnectionForm } from "@/components/settings/wallex-connection-form";
import { WebhookCard } from "@/components/settings/webhook-card";
import { getDb } from "@/db";
import { COUNTRIES } from "@/lib/countries";
import { requireStaff } from "@/lib/auth/scope";
import { getMemberOnboardingSettings } from "@/lib/data/member-writes";
import { getPartnerOrThrow, getWallexConnectionView } from "@/lib/data/partners";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { embeddedSandboxBaseUrl } from "@/lib/wallex/demo";

export const metadata: Metadata = { title: "Settings" };

type Props = { params: Promise<{ partnerSlug: string }> };

export default async function SettingsPage({ params }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "settings.manage");
  const db = getDb();
  const [partner, connection, onboarding] = await Promise.all([
    getPartnerOrThrow(db, scope),
    getWallexConnectionView(db, scope),
    getMemberOnboardingSettings(db, scope),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Settings"
        description="The partner's profile, its connection to Wallex and how members are onboarded."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Settings" }]}
      />
      <PartnerProfileForm partnerSlug={scope.partnerSlug} partner={partner} countries={COUNTRIES} />
      <WallexConnectionForm
        partnerSlug={scope.partnerSlug}
        connection={connection}
        sandboxUrl={embeddedSandboxEnabled() ? embeddedSandboxBaseUrl(env().APP_URL) : null}
      />
      {connection && (
        <WebhookCard
          partnerSlug={scope.partnerSlug}
          url={webhookUrlFor(scope.partnerId)}
          registeredAt={connection.webhookRegisteredAt}
        />
      )}
      <MemberOnboardingForm partnerSlug={scope.partnerSlug} settings={onboarding} />
    </div>
  );
}
