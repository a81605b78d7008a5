"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Label while the form's action runs, e.g. "Saving…". Defaults to the normal label. */
  pendingLabel?: React.ReactNode;
};

/** A submit button for the enclosing `<form action>`: spinner + disabled while the action is pending. */
export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending && <Spinner aria-hidden="true" />}
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
