"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";

/** Not-found pages get no params, so the partner comes from the URL. */
export function BackToOverviewLink() {
  const { partnerSlug } = useParams<{ partnerSlug?: string }>();
  return (
    <Button asChild>
      <Link href={partnerSlug ? `/p/${partnerSlug}` : "/"}>Back to the overview</Link>
    </Button>
  );
}
