import "server-only";
import type { Notification } from "@/lib/data/notifications";
import { formatDateTime } from "@/lib/format";
import { recordHref } from "@/lib/records/record-href";
import { RESOURCES, titleOf } from "@/lib/records/mirror-tables";

const words = (status: string | null) => (status ?? "updated").replaceAll("_", " ");

/** A status change as people read it, in the menu and on the notifications page alike. */
export function describeNotification(partnerSlug: string, n: Notification) {
  return {
    id: n.id,
    title: `${titleOf(RESOURCES[n.kind])} ${n.wallexId.slice(0, 8)}… ${words(n.status)}`,
    detail: `${n.previousStatus ? `Was ${words(n.previousStatus)} · ` : ""}${formatDateTime(n.at)}`,
    href: recordHref(partnerSlug, n.kind, { id: n.recordId, wallexId: n.wallexId }),
    at: n.at.toISOString(),
    unread: n.unread,
  };
}
