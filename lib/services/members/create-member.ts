import "server-only";
import type { Database } from "@/db";
import type { Member } from "@/db/schema";
import type { Audited } from "@/lib/audit/audited";
import type { StaffScope } from "@/lib/auth/scope";
import { listMemberInvitations } from "@/lib/data/member-invitations";
import {
  claimSignupMember,
  deleteUnsignedMember,
  getMemberOnboardingSettings,
  getMemberOrThrow,
  linkMemberToWallexUser,
} from "@/lib/data/member-writes";
import { AppError, fieldError } from "@/lib/errors";
import type { WallexClient } from "@/lib/wallex/client";
import { WallexError, WallexPermissionError } from "@/lib/wallex/client/errors";
import { perform } from "@/lib/wallex/mirror/operations";
import { createMemberInvitation } from "./invitations";
import { signupChoices, signupKindLabels } from "@/lib/members/signup-choices";
import type { NewMemberInput } from "./schemas";

/** The fields of the form that Wallex's signup bodies name alike (users.md §5). */
const FORM_FIELDS = [
  "email",
  "firstName",
  "lastName",
  "companyName",
  "countryCode",
  "registrationNumber",
  "countryOfIncorporation",
  "nationality",
  "mobileCountryCode",
  "mobileNumber",
  "dateOfBirth",
] as const;

/** The body of the chosen signup: only the fields that endpoint takes, none left blank. */
export function signupBody(input: NewMemberInput): Record<string, unknown> {
  const choice = signupChoices[input.signup];
  const common = {
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    countryCode: input.countryCode,
    language: input.locale,
  };
  const body: Record<string, unknown> =
    choice.kind === "full"
      ? {
          ...common,
          accountType: choice.accountType,
          companyName: choice.accountType === "company" ? input.companyName : undefined,
        }
      : choice.kind === "lite_company"
        ? {
            ...common,
            companyName: input.companyName,
            registrationNumber: input.registrationNumber,
            countryOfIncorporation: input.countryOfIncorporation,
          }
        : {
            ...common,
            nationality: input.nationality,
            mobileCountryCode: input.mobileCountryCode?.replace(/^\+/, ""),
            mobileNumber: input.mobileNumber,
            dateOfBirth: input.dateOfBirth,
          };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== ""));
}

/** Wallex's 400 in the form's terms: its field messages next to our fields, the rest for the form. */
function refusal(error: WallexError, kindLabel: string): AppError {
  if (error instanceof WallexPermissionError) {
    return fieldError("signup", `Wallex has not enabled the ${kindLabel.toLowerCase()} for this partner yet.`);
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const target = (FORM_FIELDS as readonly string[]).includes(field)
      ? field
      : field === "accountType"
        ? "signup"
        : null;
    if (!target) continue;
    fieldErrors[target] = messages.map((m) =>
      /already exists/i.test(m) ? "Wallex already has a user with this email." : `Wallex: ${m}`,
    );
  }
  if (Object.keys(fieldErrors).length === 0) {
    return new AppError("INVALID_INPUT", { userMessage: `Wallex refused the signup: ${error.message}` });
  }
  return new AppError("INVALID_INPUT", { userMessage: "Wallex refused some details.", fieldErrors });
}

/**
 * A new member: the row (stage invited), the user at Wallex exactly once per form (the intent is
 * keyed by the form's idempotency key, so a double click or a retry after a timeout finds the
 * first signup instead of sending another), then the invitation, mailed in the member's language.
 * A kind the partner has not enabled, or an email already among its members, is refused before
 * anything is sent. Wallex holds no transaction of ours: the writes after it commit with their
 * audit rows through `audited`.
 */
export async function createMember(
  db: Database,
  scope: StaffScope,
  input: NewMemberInput,
  deps: { client: () => Promise<WallexClient>; audited: Audited },
): Promise<{ member: Member; replayed: boolean }> {
  const choice = signupChoices[input.signup];
  const settings = await getMemberOnboardingSettings(db, scope);
  if (!settings.memberSignupKinds.includes(choice.kind)) {
    throw fieldError("signup", `The ${signupKindLabels[choice.kind].toLowerCase()} is not enabled for this partner.`);
  }

  // Before anything is written: a partner without a working connection leaves no member behind.
  const client = await deps.client();
  const claim = await claimSignupMember(db, scope, {
    idempotencyKey: input.idempotencyKey,
    member: {
      accountType: choice.accountType,
      signupKind: choice.kind,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      companyName: choice.accountType === "company" ? (input.companyName ?? null) : null,
      countryCode: input.countryCode,
      locale: input.locale,
      createdByMembershipId: scope.membershipId,
    },
    signup: { signupKind: choice.kind, body: signupBody(input) },
  });
  if (claim.outcome === "email_taken") {
    throw fieldError("email", `This person is already a member of ${scope.partnerName}.`);
  }
  if (claim.outcome === "key_reused") {
    throw new AppError("CONFLICT", {
      userMessage: "This form was already used for something else. Reload the page and try again.",
    });
  }
  const { member } = claim;
  // A repeated submit that finds the member signed up and invited already: nothing more to do.
  if (member.wallexUserId && (await listMemberInvitations(db, scope, member.id)).length > 0) {
    return { member, replayed: true };
  }

  let result: Awaited<ReturnType<typeof perform>>;
  try {
    result = await perform(db, client, scope, "signupMember", {
      idempotencyKey: input.idempotencyKey,
      input: claim.request,
      accountId: null,
    });
  } catch (error) {
    // A 4xx: Wallex signed nobody up, so the member we made for it goes (the form can be corrected and sent again).
    if (error instanceof WallexError && error.status && error.status >= 400 && error.status < 500) {
      await deleteUnsignedMember(db, scope, member.id);
      throw refusal(error, signupKindLabels[choice.kind]);
    }
    throw error;
  }

  return deps.audited(
    async (tx) => {
      // Locked: of two submits of one form, one invites and audits; the other finds it done.
      await getMemberOrThrow(tx, scope, member.id, { lock: true });
      const linked = await linkMemberToWallexUser(tx, scope, member.id, result.wallexId);
      if (!linked) {
        throw new AppError("CONFLICT", { userMessage: "This member is linked to another Wallex user." });
      }
      const invited = (await listMemberInvitations(tx, scope, member.id)).length > 0;
      const invitation = invited ? null : (await createMemberInvitation(tx, scope, member.id)).invitation;
      return { member: linked.member, invitation, replayed: result.replayed || invited };
    },
    ({ member: m, invitation }) =>
      invitation === null
        ? []
        : [
            {
              action: "member.created",
              memberId: m.id,
              target: { type: "member", id: m.id },
              after: {
                email: m.email,
                signupKind: m.signupKind,
                accountType: m.accountType,
                countryCode: m.countryCode,
                locale: m.locale,
                wallexUserId: m.wallexUserId,
                wallexAccountId: m.wallexAccountId,
                wallexStatus: m.wallexStatus,
              },
            },
            {
              action: "member.invitation_created",
              memberId: m.id,
              target: { type: "member_invitation", id: invitation.id },
              after: { email: m.email, expiresAt: invitation.expiresAt },
            },
          ],
  );
}
