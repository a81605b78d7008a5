"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/define-action";

type Action<T> = (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState with a toast for the outcome. The toast is raised when the action returns, not in
 * an effect, so it still shows when the calling component unmounts (a removed row, say).
 */
export function useFeedbackAction<T>(
  action: Action<T>,
  success: string | ((data: T) => string),
  opts: { toastErrors?: boolean; onSuccess?: (data: T) => void } = {},
) {
  return useActionState<ActionResult<T> | undefined, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    if (result.ok) {
      toast.success(typeof success === "function" ? success(result.data) : success);
      opts.onSuccess?.(result.data);
    } else if (opts.toastErrors && result.formError) {
      toast.error(result.formError);
    }
    return result;
  }, undefined);
}
