import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { NewMemberForm } from "@/components/members/new-member-form";
import { FormMessage } from "@/components/forms/form-message";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { can } from "@/lib/auth/permissions";
import { COUNTRIES } from "@/lib/countries";
import { getMemberOnboardingSettings } from "@/lib/data/member-writes";
import { SIGNUP_CHOICES, signupChoices } from "@/lib/members/signup-choices";

export const metadata: Metadata = { title: "New member" };

type Props = { params: Promise<{ partnerSlug: string }> };

export default async function NewMemberPage({ params }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "members.manage");
  const settings = await getMemberOnboardingSettings(getDb(), scope);
  const choices = SIGNUP_CHOICES.filter((choice) => settings.memberSignupKinds.includes(signupChoices[choice].kind));
  const home = `/p/${scope.partnerSlug}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="New member"
        description="Open a Wallex account for one of your customers and invite them to complete it."
        breadcrumbs={[
          { label: scope.partnerName, href: home },
          { label: "Members", href: `${home}/members` },
          { label: "New member" },
        ]}
      />
      {choices.length === 0 ? (
        <FormMessage type="error">
          No signup is enabled for this partner.{" "}
          {can(scope.role, "settings.manage") ? (
            <Link className="underline" href={`${home}/settings`}>
              Choose the signups Wallex enabled in Settings.
            </Link>
          ) : (
            "Ask an admin to choose the signups Wallex enabled in Settings."
          )}
        </FormMessage>
      ) : (
        <NewMemberForm
          partnerSlug={scope.partnerSlug}
          choices={choices}
          countries={COUNTRIES}
          idempotencyKey={randomUUID()}
        />
      )}
    </div>
  );
}
