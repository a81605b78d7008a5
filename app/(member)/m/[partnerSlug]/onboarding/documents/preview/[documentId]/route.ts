import { getDb } from "@/db";
import { documentsJson, previewReader, refusalResponse } from "@/lib/services/onboarding/documents-http";
import { documentsMessages, documentsText } from "@/lib/services/onboarding/documents-messages";
import { readMemberDocumentFile } from "@/lib/services/onboarding/documents";

/**
 * Streams a document's stored bytes, re-read from Wallex's download URL (we keep no copy), to the
 * member it belongs to or to staff of the partner who may read records (`?member=<id>`). Everyone
 * else: 404. The type is sniffed from the bytes; the browser is told not to guess.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ partnerSlug: string; documentId: string }> },
) {
  const { partnerSlug, documentId } = await params;
  const reader = await previewReader(partnerSlug, request);
  const t = documentsText(documentsMessages(reader?.locale ?? "en"));
  if (!reader) return documentsJson({ error: t("error.notFound") }, 404);
  try {
    const file = await readMemberDocumentFile(getDb(), reader.scope, reader.memberId, documentId);
    if (!file) return documentsJson({ error: t("previewUnavailable") }, 404);
    return new Response(file.bytes as BodyInit, {
      headers: {
        "content-type": file.mime,
        "content-length": String(file.bytes.length),
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return refusalResponse(error, t, "member.document_preview");
  }
}
