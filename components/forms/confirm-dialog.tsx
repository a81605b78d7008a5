"use client";

import { HiddenFields } from "./hidden-fields";
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

export type ConfirmDialogProps = {
  formAction: (formData: FormData) => void | Promise<void>;
  fields?: Record<string, string>;
  /** The trigger button's text; without it the dialog has no trigger and `open` drives it. */
  label?: string;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  triggerVariant?: "outline" | "ghost" | "destructive";
  triggerSize?: "sm" | "default";
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** A trigger button (or `open`) that opens "are you sure?", whose confirm button submits `formAction`. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {props.label && (
        <DialogTrigger asChild>
          <Button variant={props.triggerVariant ?? "ghost"} size={props.triggerSize ?? "sm"}>
            {props.label}
          </Button>
        </DialogTrigger>
      )}
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        <form action={props.formAction}>
          <HiddenFields fields={props.fields ?? {}} />
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
