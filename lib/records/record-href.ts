import "server-only";
import { kindSlug, type ResourceKind } from "@/lib/records/mirror-tables";

/**
 * The one place that spells the URL of a Wallex record's page: it names the Wallex id. `row.id`
 * (our mirror row) is null when a status change names an object we hold no row for yet, and then
 * the link searches the kind's list for its Wallex id instead.
 */
export function recordHref(partnerSlug: string, kind: ResourceKind, row: { id: string | null; wallexId: string }) {
  const list = `/p/${partnerSlug}/records/${kindSlug(kind)}`;
  return row.id ? `${list}/${encodeURIComponent(row.wallexId)}` : `${list}?q=${encodeURIComponent(row.wallexId)}`;
}
