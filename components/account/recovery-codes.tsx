"use client";

import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** Shown once: only hashes are stored, so this is the person's one chance to save them. */
type Props = { codes: string[]; onDone: () => void; continueTo?: { href: string; name: string } };

export function RecoveryCodes({ codes, onDone, continueTo }: Props) {
  return (
    <Alert variant="success">
      <AlertTitle>Save your recovery codes</AlertTitle>
      <AlertDescription>
        <p>Each code signs you in once if you lose your phone. They will not be shown again.</p>
        <ul
          data-testid="recovery-codes"
          className="my-3 grid grid-cols-2 gap-1 font-mono text-sm text-foreground sm:grid-cols-5"
        >
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <CopyButton value={codes.join("\n")} label="Copy codes" />
          {continueTo ? (
            <Button asChild size="sm">
              <Link href={continueTo.href}>Continue to {continueTo.name}</Link>
            </Button>
          ) : (
            <Button size="sm" onClick={onDone}>
              I have saved them
            </Button>
          )}
        </div>
      </AlertDescription>
    </Alert>
  );
}
