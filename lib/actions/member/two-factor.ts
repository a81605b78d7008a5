"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkTotp, newTotpSecret } from "@/lib/auth/totp";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { enableMemberTotp, getMemberRow, setMemberPendingTotp } from "@/lib/data/member-auth";
import { AppError, fieldError } from "@/lib/errors";
import { userText } from "@/lib/validations/text";
import { defineMemberAction } from "./define-member-action";

const partnerSlug = userText.min(1).max(100);

/** Starts authenticator set-up: a new secret, encrypted as staff's, waiting for its first code. */
export const startMemberTwoFactorAction = defineMemberAction(
  { name: "member.two_factor_setup_started", schema: () => z.object({ partnerSlug }) },
  async (_input, { db, scope, t }) => {
    if (scope.member.hasTwoFactor) throw new AppError("CONFLICT", { userMessage: t("security.alreadyOn") });
    await setMemberPendingTotp(db, scope, encryptSecret(newTotpSecret()));
    revalidatePath(`/m/${scope.partnerSlug}/security`);
  },
);

/** Turns two-factor on once a code from the pending secret checks out. */
export const confirmMemberTwoFactorAction = defineMemberAction(
  {
    name: "member.two_factor_enabled",
    schema: (t) => z.object({ partnerSlug, code: userText.trim().regex(/^\d{6}$/, t("security.codeInvalid")) }),
  },
  async ({ code }, { db, scope, t }) => {
    const row = await getMemberRow(db, scope, scope.memberId);
    if (!row?.pendingTotpSecret) throw new AppError("CONFLICT", { userMessage: t("security.noPending") });
    const step = await checkTotp(decryptSecret(row.pendingTotpSecret), code, null);
    if (step === null) throw fieldError("code", t("security.codeWrong"));
    await enableMemberTotp(db, scope, row.pendingTotpSecret, step);
    revalidatePath(`/m/${scope.partnerSlug}/security`);
  },
);
