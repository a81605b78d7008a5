"use client";

import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { signOutEverywhereAction } from "@/lib/actions/auth/sign-out";

export function ConfirmSignOutEverywhere({ count }: { count: number }) {
  return (
    <ConfirmDialog
      formAction={signOutEverywhereAction}
      label="Sign out everywhere"
      triggerVariant="outline"
      triggerSize="default"
      title="Sign out on every device?"
      description={`${count === 1 ? "Your one session ends" : `All ${count} sessions end`}, including this one. You will need your password (and code) to sign in again.`}
      confirmLabel="Sign out everywhere"
      destructive
    />
  );
}
