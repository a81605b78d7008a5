"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { NativeSelect } from "@/components/ui/select";
import { changeRoleAction } from "@/lib/actions/team/change-role";
import { roleLabels, staffRoles } from "@/lib/auth/permissions";
import type { StaffRole } from "@/db/schema";

type Props = {
  partnerSlug: string;
  membershipId: string;
  role: StaffRole;
  name: string;
  email: string;
  disabledReason?: string;
};

const withArticle = (words: string) => `${/^[aeiou]/i.test(words) ? "an" : "a"} ${words}`;

/** Choosing a role asks first ("Make Oscar an admin?"); the server re-checks everything. */
export function RoleSelect(props: Props) {
  const [chosen, setChosen] = useState<StaffRole | null>(null);
  const [, formAction, pending] = useFeedbackAction(
    changeRoleAction,
    (d) => `${d.email} is now ${roleLabels[d.after]}.`,
    {
      toastErrors: true,
      onSuccess: () => setChosen(null),
    },
  );

  return (
    <>
      <NativeSelect
        aria-label={`Role of ${props.name}`}
        value={chosen ?? props.role}
        disabled={pending || !!props.disabledReason}
        title={props.disabledReason}
        onChange={(e) => setChosen(e.target.value as StaffRole)}
        className="h-8 w-48"
      >
        {staffRoles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </NativeSelect>
      {chosen && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setChosen(null)}
          formAction={formAction}
          fields={{ partnerSlug: props.partnerSlug, membershipId: props.membershipId, role: chosen }}
          title={`Make ${props.name} ${withArticle(roleLabels[chosen].toLowerCase())}?`}
          description={`${props.email} is ${withArticle(roleLabels[props.role].toLowerCase())} now. The new role applies on their next click.`}
          confirmLabel={`Make ${roleLabels[chosen].toLowerCase()}`}
        />
      )}
    </>
  );
}
