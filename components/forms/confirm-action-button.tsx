"use client";

import { useActionState, useEffect, useState } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/define-action";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

type Props<T> = Omit<ConfirmDialogProps, "formAction" | "open" | "onOpenChange"> & {
  action: (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;
  success: string;
};

/** Asks first, then runs a server action and toasts the outcome. */
export function ConfirmActionButton<T>({ action, success, ...dialog }: Props<T>) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(action, undefined);
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(success);
      setOpen(false);
    } else if (state.formError) toast.error(state.formError);
  }, [state, success]);

  return <ConfirmDialog {...dialog} formAction={formAction} open={open} onOpenChange={setOpen} />;
}
