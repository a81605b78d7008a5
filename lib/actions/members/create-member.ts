"use server";

import { revalidatePath } from "next/cache";
import { afterCommitDeliverMail } from "@/lib/mail/deliver-after";
import { createMember } from "@/lib/services/members/create-member";
import { newMemberSchema } from "@/lib/services/members/schemas";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { defineStaffAction } from "../define-action";

/** Signs the member up at Wallex (once per form) and invites them; the form then opens the member's page. */
export const createMemberAction = defineStaffAction(
  { name: "member.created", schema: newMemberSchema, permission: "members.manage", transaction: false },
  async (input, { db, scope, audited }) => {
    const { member, replayed } = await createMember(db, scope, input, {
      client: () => wallexClientFor(db, scope),
      audited,
    });
    afterCommitDeliverMail();
    revalidatePath(`/p/${scope.partnerSlug}/members`, "layout");
    return { memberId: member.id, email: member.email, replayed };
  },
);
