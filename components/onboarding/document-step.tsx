"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useLiveData } from "@/components/live/use-live-data";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DocumentsOverview } from "@/lib/services/onboarding/documents";
import { documentsText, type DocumentsMessages } from "@/lib/services/onboarding/documents-messages";
import { DocumentSlotCard } from "./document-slot";
import { documentsStateUrl } from "./document-upload";

/**
 * The documents step: every required document with its state, kept live (a reviewer's or Wallex's
 * request for a new upload can arrive while the page is open) by polling our state route.
 */
export function DocumentsStep({
  partnerSlug,
  initial,
  messages,
}: {
  partnerSlug: string;
  initial: DocumentsOverview;
  messages: DocumentsMessages;
}) {
  const t = useMemo(() => documentsText(messages), [messages]);
  const { data } = useLiveData({ url: documentsStateUrl(partnerSlug), initial, intervalMs: 15_000 });
  const [announcement, setAnnouncement] = useState("");
  const router = useRouter();
  // The wizard's checklist beside the step is a server render: refresh it after each change.
  const done = (message: string) => {
    setAnnouncement(message);
    router.refresh();
  };

  return (
    <div className="space-y-4">
      {data.frozen && (
        <Alert>
          <AlertDescription>{t("frozen")}</AlertDescription>
        </Alert>
      )}
      {data.requests.map((request, i) => (
        <Alert key={i} variant="warning" data-testid="documents-request">
          <AlertDescription>
            <strong>{t("comment")}:</strong> {request}
          </AlertDescription>
        </Alert>
      ))}
      {!data.linked && (
        <Alert variant="warning">
          <AlertDescription>{t("notLinked")}</AlertDescription>
        </Alert>
      )}
      <p role="status" aria-live="polite" className="text-sm font-medium text-success-soft-foreground empty:hidden">
        {announcement}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {data.slots.map((slot) => (
          <DocumentSlotCard
            key={slot.id}
            partnerSlug={partnerSlug}
            slot={slot}
            frozen={data.frozen || !data.linked}
            t={t}
            onDone={done}
          />
        ))}
      </div>
      <div className="flex flex-wrap justify-between gap-2">
        <Button asChild variant="outline">
          <Link href={`/m/${encodeURIComponent(partnerSlug)}/onboarding/due-diligence`}>{t("back")}</Link>
        </Button>
        <Button asChild>
          <Link href={`/m/${encodeURIComponent(partnerSlug)}/onboarding/review`}>{t("next")}</Link>
        </Button>
      </div>
    </div>
  );
}
