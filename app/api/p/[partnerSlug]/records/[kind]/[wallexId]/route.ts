import { getDb } from "@/db";
import { getMirrorRecord } from "@/lib/data/mirror";
import { recordView } from "@/lib/records/record-view";
import { defineStaffRoute } from "@/lib/routes/define-staff-route";
import { kindFromSlug } from "@/lib/records/mirror-tables";

type Params = { partnerSlug: string; kind: string; wallexId: string };

/** One record as its page shows it, from the mirror (never from Wallex), polled while Wallex may still move it. */
export const GET = defineStaffRoute(
  { name: "records.live", permission: "records.read" },
  async (scope, params: Params) => {
    const kind = kindFromSlug(params.kind);
    if (!kind) return null;
    const record = await getMirrorRecord(getDb(), scope, kind, params.wallexId);
    return record && recordView(kind, record);
  },
);
