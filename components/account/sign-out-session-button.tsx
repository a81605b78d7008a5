"use client";

import { useActionState } from "react";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { signOutSessionAction } from "@/lib/actions/account/sign-out-session";

/** Signs one other device out; `view` and `handle` are the opaque names this page was given for it. */
export function SignOutSessionButton({ view, handle, device }: { view: string; handle: string; device: string }) {
  const [state, formAction] = useActionState(signOutSessionAction, undefined);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <HiddenFields fields={{ view, handle }} />
      <SubmitButton variant="outline" size="sm" pendingLabel="Signing out…" aria-label={`Sign out ${device}`}>
        Sign out
      </SubmitButton>
      {state && !state.ok && state.formError && (
        <p role="alert" className="text-xs text-destructive">
          {state.formError}
        </p>
      )}
    </form>
  );
}
