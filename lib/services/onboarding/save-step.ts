import "server-only";
import type { Database } from "@/db";
import type { MemberDraft, Member } from "@/db/schema";
import type { Audited } from "@/lib/audit/audited";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import {
  getMemberDraft,
  getOnboardingMember,
  markDraftSavedToWallex,
  saveMemberDraft,
  updateOnboardingMember,
} from "@/lib/data/member-drafts";
import { AppError, notFound } from "@/lib/errors";
import { parseStep, type FormStep, type OnboardingLists } from "@/lib/validations/onboarding";
import type { WallexClient } from "@/lib/wallex/client";
import { WallexError, WallexInvalidRequestError } from "@/lib/wallex/client/errors";
import { completenessFromWire, KycWireError, mapWallexFieldErrors, toWire } from "@/lib/wallex/client/kyc-wire";
import { FROZEN_STAGES, replaceStepMissing, SECTION_OF, stepsFor } from "./steps";

/** Message keys of `onboarding.errors` for what is not a field's problem. */
export const SAVE_PROBLEMS = {
  stale: "onboarding.errors.stale",
  frozen: "onboarding.errors.frozen",
  wallexUnavailable: "onboarding.errors.wallexUnavailable",
  invalid: "onboarding.errors.invalid",
  wallexRefused: "onboarding.errors.wallexRefused",
} as const;

/** A field message Wallex wrote itself (English): the form shows it inside a translated sentence. */
export const WALLEX_MESSAGE_PREFIX = "wallex:";

/** Another save came first (a second tab): the step is now at `revision`, and nothing changed. */
export class StaleStepError extends AppError {
  constructor(readonly revision: number) {
    super("CONFLICT", { userMessage: SAVE_PROBLEMS.stale });
  }
}

export type SaveStepInput = {
  memberId: string;
  step: FormStep;
  /** The draft revision the form was rendered with (0: none yet). */
  revision: number;
  values: Record<string, unknown>;
};

export type SaveStepDeps = {
  client: () => Promise<WallexClient>;
  audited: Audited;
  lists: OnboardingLists;
  today?: Date;
};

export type SaveStepResult = {
  revision: number;
  savedToWallex: boolean;
  /** What this step still needs, as "<step>.<field>" (from Wallex's completeness). */
  missing: string[];
};

/** Who is saving, for the audit row: the member, or a staff user acting as the member (both named). */
function actingAs(scope: TenantScope, member: Member) {
  return scope.kind === "staff" ? { actingAsMember: member.email, staff: scope.user.email } : undefined;
}

/**
 * One wizard step saved: checked on our side, kept as the member's draft (refused when the form's
 * revision is stale: another tab saved first), then sent to Wallex as a partial update of the
 * step's section with dates in dd-MM-yyyy. Wallex's answer says what the section still misses
 * (stored on the member); its field errors come back on our field names. Whatever happens after the
 * draft is kept, what was typed stays (the draft, and the form's echo on an error).
 */
export async function saveOnboardingStep(
  db: Database,
  scope: TenantScope,
  input: SaveStepInput,
  deps: SaveStepDeps,
): Promise<SaveStepResult> {
  const member = await getOnboardingMember(db, scope, input.memberId);
  if (!member || !stepsFor(member.accountType).includes(input.step)) throw notFound("Step");
  if (FROZEN_STAGES.includes(member.stage)) {
    throw new AppError("CONFLICT", { userMessage: SAVE_PROBLEMS.frozen });
  }

  const parsed = parseStep(input.step, input.values, { lists: deps.lists, today: deps.today });
  if (!parsed.ok) {
    throw new AppError("INVALID_INPUT", { userMessage: SAVE_PROBLEMS.invalid, fieldErrors: parsed.fieldErrors });
  }
  const values = parsed.values;
  const section = SECTION_OF[input.step];
  let body: Record<string, unknown>;
  try {
    body = toWire(section, values);
  } catch (error) {
    if (error instanceof KycWireError) {
      throw new AppError("INVALID_INPUT", {
        userMessage: SAVE_PROBLEMS.invalid,
        fieldErrors: Object.fromEntries(Object.keys(error.fieldErrors).map((f) => [f, ["realDate"]])),
      });
    }
    throw error;
  }

  const before = await getMemberDraft(db, scope, member.id, input.step);
  const kept = await deps.audited(
    async (tx) => {
      const saved = await saveMemberDraft(tx, scope, member.id, input.step, values, input.revision);
      if (saved.outcome === "stale") throw new StaleStepError(saved.revision);
      if (member.stage === "invited") {
        await updateOnboardingMember(tx, scope, member.id, { stage: "in_progress" }, { fromStages: ["invited"] });
      }
      return saved.draft;
    },
    (draft: MemberDraft) => ({
      action: "onboarding.step_saved",
      memberId: member.id,
      target: { type: "member_draft", id: draft.id },
      before: before ? { revision: before.revision, fields: Object.keys(before.data) } : null,
      after: { step: input.step, revision: draft.revision, fields: Object.keys(values), ...actingAs(scope, member) },
    }),
  );

  if (!member.wallexUserId || Object.keys(body).length === 0) {
    return { revision: kept.revision, savedToWallex: false, missing: [] };
  }

  let status: { value?: string; missingFields?: string[] } | undefined;
  try {
    const client = await deps.client();
    const args = { userId: member.wallexUserId, body };
    const answer =
      section === "detail"
        ? await client.users.updateDetail(args)
        : section === "company"
          ? await client.users.updateCompany(args)
          : await client.users.updateDueDiligence(args as Parameters<WallexClient["users"]["updateDueDiligence"]>[0]);
    status = (answer as { status?: { value?: string; missingFields?: string[] } }).status;
  } catch (error) {
    if (error instanceof WallexInvalidRequestError) {
      const mapped = mapWallexFieldErrors(error, section);
      const fieldErrors = Object.fromEntries(
        Object.entries(mapped.fields[section]).map(([f, messages]) => [
          f,
          messages.map((m) => `${WALLEX_MESSAGE_PREFIX}${m}`),
        ]),
      );
      throw new AppError("INVALID_INPUT", {
        userMessage: SAVE_PROBLEMS.wallexRefused,
        fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined,
        cause: error,
      });
    }
    if (error instanceof WallexError) {
      throw new AppError("PROVIDER_ERROR", { userMessage: SAVE_PROBLEMS.wallexUnavailable, cause: error });
    }
    throw error;
  }

  const { missing } = completenessFromWire(section, status);
  await deps.audited(
    async (tx) => {
      await markDraftSavedToWallex(tx, scope, member.id, input.step, kept.revision);
      const current = await getOnboardingMember(tx, scope, member.id, { lock: true });
      await updateOnboardingMember(tx, scope, member.id, {
        missingFields: replaceStepMissing(current?.missingFields ?? [], input.step, missing),
      });
    },
    {
      action: "onboarding.step_sent_to_wallex",
      memberId: member.id,
      target: { type: "member_draft", id: kept.id },
      after: {
        step: input.step,
        revision: kept.revision,
        wire: Object.keys(body),
        missing,
        ...actingAs(scope, member),
      },
    },
  );
  return { revision: kept.revision, savedToWallex: true, missing: missing.map((f) => `${input.step}.${f}`) };
}
