"use client";

import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { connectEmbeddedSandboxAction } from "@/lib/actions/settings/connect-embedded-sandbox";

/** Points the partner at the embedded sandbox with keys generated for it (shown only where the sandbox is served). */
export function EmbeddedSandboxButton({ partnerSlug, connected }: { partnerSlug: string; connected: boolean }) {
  const [state, formAction] = useFeedbackAction(
    connectEmbeddedSandboxAction,
    ({ webhookError }) =>
      webhookError
        ? `Connected to the embedded sandbox, but the webhook is not registered: ${webhookError}`
        : "Connected to the embedded sandbox with new keys.",
    { toastErrors: true },
  );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="partnerSlug" value={partnerSlug} />
      <SubmitButton variant="outline" pendingLabel="Connecting…">
        {connected ? "Issue new sandbox keys" : "Use the embedded sandbox"}
      </SubmitButton>
      <span className="text-sm text-muted-foreground">
        {state && !state.ok
          ? state.formError
          : "Local demo: this app's simulated Wallex, with keys generated for this partner."}
      </span>
    </form>
  );
}
