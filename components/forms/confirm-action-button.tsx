"use client";

import { useActionState, useEffect, useState } from "react";
import { toast } from "sonner";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/define-action";

type Props<T> = {
  action: (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  success: string;
  destructive?: boolean;
  triggerVariant?: "outline" | "ghost" | "destructive";
};

/** A button that asks first, then runs a server action and toasts the outcome. */
export function ConfirmActionButton<T>(props: Props<T>) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(props.action, undefined);
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(props.success);
      setOpen(false);
    } else if (state.formError) toast.error(state.formError);
  }, [state, props.success]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={props.triggerVariant ?? "ghost"} size="sm">
          {props.label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        <form action={formAction}>
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <SubmitButton variant={props.destructive ? "destructive" : "default"} pendingLabel="Working…">
              {props.confirmLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
