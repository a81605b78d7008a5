"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { acceptInvitationAsCurrentUserAction } from "@/lib/actions/invitations/accept-invitation";

export function AcceptAsCurrentUser({ token, partnerName }: { token: string; partnerName: string }) {
  const [state, formAction] = useActionState(acceptInvitationAsCurrentUserAction, undefined);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && state.formError && <FormMessage type="error">{state.formError}</FormMessage>}
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join {partnerName}
      </SubmitButton>
    </form>
  );
}
