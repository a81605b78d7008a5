"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "@/lib/errors";
import { refreshRecord } from "@/lib/services/records";
import { refreshRecordSchema } from "@/lib/validations/records";
import { kindFromSlug } from "@/lib/records/mirror-tables";
import { defineStaffAction } from "../define-action";

export const refreshRecordAction = defineStaffAction(
  {
    name: "records.refreshed",
    schema: refreshRecordSchema,
    // Lets in whoever may re-read some record; the service checks this record's kind.
    permission: "records.refresh-member",
    transaction: false,
  },
  async ({ kind: slug, recordId }, { db, scope, audit }) => {
    const kind = kindFromSlug(slug);
    if (!kind) throw notFound("Record");
    const result = await refreshRecord(db, scope, kind, recordId);
    audit({
      target: { type: `wallex_${kind}`, id: result.wallexId },
      before: { status: result.before },
      after: { status: result.after },
    });
    revalidatePath(`/p/${scope.partnerSlug}/records/${slug}/${encodeURIComponent(result.wallexId)}`);
    return result;
  },
);
