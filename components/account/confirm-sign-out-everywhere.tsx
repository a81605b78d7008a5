"use client";

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
import { signOutEverywhereAction } from "@/lib/actions/auth/sign-out";

export function ConfirmSignOutEverywhere({ count }: { count: number }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">Sign out everywhere</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Sign out on every device?</DialogTitle>
          <DialogDescription>
            {count === 1 ? "Your one session ends" : `All ${count} sessions end`}, including this one. You will need your password
            (and code) to sign in again.
          </DialogDescription>
        </DialogHeader>
        <form action={signOutEverywhereAction}>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <SubmitButton variant="destructive" pendingLabel="Signing out…">
              Sign out everywhere
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
