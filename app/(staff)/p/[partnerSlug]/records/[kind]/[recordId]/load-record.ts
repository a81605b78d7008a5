import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { getMirrorRecord, getMirrorRow } from "@/lib/data/mirror";
import { isUuid } from "@/lib/validations/search-params";
import { kindFromSlug } from "@/lib/records/mirror-tables";

/**
 * One lookup per request (cached by its string arguments), shared by the layout (which decides the
 * 404 above the loading boundary) and the page. The URL names the Wallex id; links from before
 * named our row id and are sent on to the Wallex id's URL.
 */
export const loadRecord = cache(async (partnerSlug: string, slug: string, recordId: string) => {
  const scope = await requireStaff(partnerSlug, "records.read");
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const record = await getMirrorRecord(getDb(), scope, kind, recordId);
  if (!record && isUuid(recordId)) {
    const row = await getMirrorRow(getDb(), scope, kind, recordId);
    if (row) redirect(`/p/${scope.partnerSlug}/records/${slug}/${encodeURIComponent(row.wallexId)}`);
  }
  return { scope, kind, record };
});
