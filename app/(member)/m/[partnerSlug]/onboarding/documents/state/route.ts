import { documentsJson, memberDocumentsRoute } from "@/lib/services/onboarding/documents-http";
import { getDocumentsOverview } from "@/lib/services/onboarding/documents";

/** What the documents step polls: each required document's state, from our database only. */
export const GET = memberDocumentsRoute({ name: "member.documents_read", change: false }, async ({ db, scope }) =>
  documentsJson(await getDocumentsOverview(db, scope, scope.memberId)),
);
