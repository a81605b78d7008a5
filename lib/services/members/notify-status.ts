import "server-only";
import type { Executor } from "@/db";
import type { Member } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { getScopePartner } from "@/lib/data/member-documents";
import { env } from "@/lib/env";
import { memberStatusMail, type MemberStatusChange } from "@/lib/mail/member-status";
import { enqueueMail } from "@/lib/mail/outbox";

/** Our stages a member is told about; the others (invited, in progress) are their own doing. */
const NOTIFIED_STAGES = new Set(["in_partner_review", "changes_requested", "submitted"]);

/** The portal's home, where the status tracker says what to do next. */
export function memberPortalUrl(partnerSlug: string) {
  return new URL(`/m/${encodeURIComponent(partnerSlug)}`, env().APP_URL).toString();
}

/**
 * Queues the status-change email for one change of a member, in the member's language, inside the
 * caller's transaction (a rolled-back change sends nothing). Called only where a change is
 * detected against the row as stored: C2's status sync (Wallex's status, compared under the
 * mirror row's lock, so a repeated or concurrent notification of the same status finds nothing
 * moved), and the wizard when it moves our stage. A "change" to what it already was, or to a stage
 * the member is not told about, sends nothing. When Wallex's status and our stage move together
 * (a resubmission request), the one Wallex change is mailed, not both.
 */
export async function notifyMemberStatusChange(
  db: Executor,
  scope: TenantScope,
  member: Pick<Member, "email" | "firstName" | "locale">,
  change: MemberStatusChange & { from: string | null },
  reason?: string | null,
): Promise<string | null> {
  const to = change.kind === "wallex" ? change.status : change.stage;
  if (!to || to === change.from) return null;
  if (change.kind === "stage" && !NOTIFIED_STAGES.has(change.stage)) return null;
  const partner = await getScopePartner(db, scope);
  if (!partner) return null;
  return enqueueMail(db, {
    ...memberStatusMail({
      to: member.email,
      locale: member.locale,
      partnerName: partner.name,
      firstName: member.firstName,
      change,
      reason,
      url: memberPortalUrl(partner.slug),
    }),
    scope,
  });
}
