import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { getMirrorRecord } from "@/lib/data/mirror";
import { isUuid } from "@/lib/validations/search-params";
import { kindFromSlug } from "@/lib/wallex/mirror/resources";

/** One lookup per request (cached by its string arguments), shared by the layout (which decides the 404) and the page. */
export const loadRecord = cache(async (partnerSlug: string, slug: string, recordId: string) => {
  const scope = await requireStaff(partnerSlug, "payments.read");
  const kind = kindFromSlug(slug);
  if (!kind || !isUuid(recordId)) notFound();
  const record = await getMirrorRecord(getDb(), scope, kind, recordId);
  return { scope, kind, record };
});
