import { documentsJson, memberDocumentsRoute } from "@/lib/services/onboarding/documents-http";
import { deleteMemberDocument, getDocumentsOverview } from "@/lib/services/onboarding/documents";

/** Deletes one of the member's own documents (Document Delete at Wallex, then the mirror and the audit row). */
export const DELETE = memberDocumentsRoute<{ partnerSlug: string; documentId: string }>(
  { name: "member.document_deleted", change: true },
  async ({ db, scope, audited }, { documentId }) => {
    await deleteMemberDocument(db, scope, scope.memberId, documentId, { audited });
    return documentsJson(await getDocumentsOverview(db, scope, scope.memberId));
  },
);
