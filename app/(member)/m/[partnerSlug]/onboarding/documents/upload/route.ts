import { memberDocumentsRoute, documentsJson } from "@/lib/services/onboarding/documents-http";
import { DocumentRefusal, getDocumentsOverview, uploadMemberDocument } from "@/lib/services/onboarding/documents";
import { MAX_DOCUMENT_BYTES } from "@/lib/validations/document-file";

/** The body, read up to one byte past the limit: a longer upload is refused without being held whole. */
async function readCapped(request: Request): Promise<Uint8Array> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw new DocumentRefusal("INVALID_INPUT", "fileProblem.too_large", "file");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * POST the raw file (the body is the bytes; the type, name and the document replaced are in the
 * query): checked from the bytes, then Document Create → PUT to Wallex's upload URL → mirror → audit.
 * Answers the step's new state.
 */
export const POST = memberDocumentsRoute(
  { name: "member.document_uploaded", change: true },
  async ({ db, scope, audited, request }) => {
    const query = new URL(request.url).searchParams;
    const bytes = await readCapped(request);
    const document = await uploadMemberDocument(
      db,
      scope,
      scope.memberId,
      {
        documentType: query.get("documentType") ?? "",
        fileName: query.get("fileName") ?? "",
        bytes,
        replaces: query.get("replaces") || null,
      },
      { audited },
    );
    return documentsJson({ document, overview: await getDocumentsOverview(db, scope, scope.memberId) });
  },
);
