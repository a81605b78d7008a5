"use client";

import { HiddenFields } from "./hidden-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import type { ActionResult } from "@/lib/actions/define-action";

type Props<T> = {
  action: (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  children: React.ReactNode;
  success: string | ((data: T) => string);
  variant?: "default" | "outline" | "ghost" | "secondary";
};

/** A one-click server action (no confirmation) with a toast for the outcome. */
export function ActionButton<T>({ action, fields, children, success, variant = "ghost" }: Props<T>) {
  const [, formAction] = useFeedbackAction(action, success, { toastErrors: true });
  return (
    <form action={formAction}>
      <HiddenFields fields={fields} />
      <SubmitButton variant={variant} size="sm" pendingLabel="Working…">
        {children}
      </SubmitButton>
    </form>
  );
}
