"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { testWallexConnectionAction } from "@/lib/actions/settings/test-wallex-connection";

export function TestConnectionButton({ partnerSlug }: { partnerSlug: string }) {
  const [state, formAction] = useActionState(testWallexConnectionAction, undefined);
  return (
    <div className="space-y-3">
      <form action={formAction}>
        <input type="hidden" name="partnerSlug" value={partnerSlug} />
        <SubmitButton variant="outline" pendingLabel="Testing…">
          Test connection
        </SubmitButton>
      </form>
      {state?.ok && (
        <Alert variant="success">
          <AlertTitle>Connected to Wallex</AlertTitle>
          <AlertDescription>
            Signed in and read {state.data.currencies} currencies in {state.data.latencyMs} ms.
          </AlertDescription>
        </Alert>
      )}
      {state && !state.ok && (
        <Alert variant="destructive">
          <AlertTitle>Connection failed</AlertTitle>
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
