"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";
import { useFeedbackAction } from "./use-feedback-action";

type Props<T> = Omit<ConfirmDialogProps, "formAction" | "open" | "onOpenChange"> & {
  action: (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;
  success: string;
};

/** Asks first, then runs a server action and toasts the outcome. */
export function ConfirmActionButton<T>({ action, success, ...dialog }: Props<T>) {
  const [open, setOpen] = useState(false);
  const [, formAction] = useFeedbackAction(action, success, { toastErrors: true, onSuccess: () => setOpen(false) });
  return <ConfirmDialog {...dialog} formAction={formAction} open={open} onOpenChange={setOpen} />;
}
