"use client";

import { AuthCard } from "@/components/layout/auth-card";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AuthCard
      title="Something went wrong"
      description="The error was logged. Try again, and tell support the reference if it keeps happening."
    >
      {error.digest && <p className="mb-4 font-mono text-xs text-muted-foreground">Reference: {error.digest}</p>}
      <Button onClick={reset} className="w-full">
        Try again
      </Button>
    </AuthCard>
  );
}
