"use client";

import { useRef } from "react";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { NativeSelect } from "@/components/ui/select";
import { changeRoleAction } from "@/lib/actions/team/change-role";
import { roleLabels, staffRoles } from "@/lib/auth/permissions";
import type { StaffRole } from "@/db/schema";

/** Changing the select submits at once; the server re-checks everything. */
export function RoleSelect(props: { partnerSlug: string; membershipId: string; role: StaffRole; name: string }) {
  const [, formAction, pending] = useFeedbackAction(changeRoleAction, (d) => `${d.email} is now ${roleLabels[d.after]}.`, {
    toastErrors: true,
  });
  const form = useRef<HTMLFormElement>(null);

  return (
    <form ref={form} action={formAction}>
      <input type="hidden" name="partnerSlug" value={props.partnerSlug} />
      <input type="hidden" name="membershipId" value={props.membershipId} />
      <NativeSelect
        name="role"
        aria-label={`Role of ${props.name}`}
        defaultValue={props.role}
        key={props.role}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="h-8 w-48"
      >
        {staffRoles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </NativeSelect>
    </form>
  );
}
