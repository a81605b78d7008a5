import "server-only";
import type { getMirrorRecord } from "@/lib/data/mirror";
import { formatDateTime } from "@/lib/format";
import type { RecordView } from "@/lib/live/live-routes";
import { isFinal, RESOURCES, type ResourceKind } from "@/lib/records/mirror-tables";
import { recordColumns } from "./columns";

type MirrorRecord = NonNullable<Awaited<ReturnType<typeof getMirrorRecord>>>;

/**
 * What a record page shows, as plain data: the first paint renders it and the live route answers
 * it. Only these fields leave the server (no notification bodies, no other row).
 */
export function recordView(kind: ResourceKind, record: MirrorRecord): RecordView {
  return {
    wallexId: record.wallexId,
    status: record.status,
    final: isFinal(RESOURCES[kind], record.status),
    // The same columns as the list, so a record reads as its row does; the id is the title.
    facts: recordColumns(kind)
      .filter((column) => column.style !== "id")
      .map((column) => ({ term: column.header, value: column.value(record), status: column.style === "status" })),
    raw: JSON.stringify(record.data, null, 2),
    timeline: record.timeline.map((entry) => ({
      id: entry.id,
      status: entry.status,
      previousStatus: entry.previousStatus,
      at: formatDateTime(entry.at),
      source: entry.source,
    })),
    notifications: record.events.length,
    version: record.readAt.toISOString(),
  };
}
