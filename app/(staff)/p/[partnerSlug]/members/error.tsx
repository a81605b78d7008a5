"use client";

import { AlertCircle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A members page that failed keeps the partner's shell around it, with a way to try again. */
export default function MembersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">Members</h1>
      <Alert variant="destructive">
        <AlertCircle aria-hidden="true" />
        <AlertTitle>The members could not be loaded</AlertTitle>
        <AlertDescription>
          The error was logged. Try again, and tell support the reference if it keeps happening.
          {error.digest && <span className="mt-1 block font-mono text-xs">Reference: {error.digest}</span>}
        </AlertDescription>
      </Alert>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
