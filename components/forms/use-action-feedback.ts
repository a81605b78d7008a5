"use client";

import { useEffect, useRef } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/define-action";

/** Toasts a success message (or the form-level error) once per completed action. */
export function useActionFeedback<T>(
  state: ActionResult<T> | undefined,
  success: string | ((data: T) => string),
  opts: { toastErrors?: boolean } = {},
) {
  const seen = useRef<ActionResult<T> | undefined>(undefined);
  useEffect(() => {
    if (!state || state === seen.current) return;
    seen.current = state;
    if (state.ok) toast.success(typeof success === "function" ? success(state.data) : success);
    else if (opts.toastErrors && state.formError) toast.error(state.formError);
  }, [state, success, opts.toastErrors]);
}
