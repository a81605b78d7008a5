"use client";

import Link from "next/link";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveData } from "@/components/live/use-live-data";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { LIVE_INTERVAL_MS, recordLiveUrl, type RecordView } from "@/lib/live/live-routes";
import { RecordTimeline } from "./record-timeline";
import { StatusBadge } from "./records-table";

type Props = { partnerSlug: string; kindSlug: string; initial: RecordView };

// ISO times compare as text: the server render wins when its read of the row is not older.
const renderedIsNewer = (rendered: RecordView, cached: RecordView) => rendered.version >= cached.version;
const isFinal = (record: RecordView) => record.final;

/**
 * A record's facts, raw object and timeline as the mirror holds them, kept current while Wallex
 * may still move it (a webhook or the reconcile job rewrites the row): polled while the tab is
 * visible and on focus, and no longer once its status is final.
 */
export function LiveRecord({ partnerSlug, kindSlug, initial }: Props) {
  const { data: record, live } = useLiveData<RecordView>({
    url: recordLiveUrl(partnerSlug, kindSlug, initial.wallexId),
    initial,
    intervalMs: LIVE_INTERVAL_MS.record,
    settled: isFinal,
    isNewer: renderedIsNewer,
  });

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6">
        <Card>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              {record.facts.map((fact) => (
                <div key={fact.term}>
                  <dt className="text-xs font-medium text-muted-foreground">{fact.term}</dt>
                  <dd className="mt-1 break-all text-sm">
                    {fact.status ? <StatusBadge status={fact.value} /> : (fact.value ?? "—")}
                  </dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <CodeBlock label="As Wallex returned it" code={record.raw} />
      </div>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Timeline</CardTitle>
          <CardAction>
            <LiveIndicator live={live} idleLabel={record.final ? "Final" : "Not updating"} />
          </CardAction>
        </CardHeader>
        <CardContent>
          {/* Announced when it changes under the person, not on the first paint. */}
          <p role="status" className="sr-only">
            Status {(record.status ?? "unknown").replaceAll("_", " ")}
          </p>
          <RecordTimeline entries={record.timeline} />
          {record.notifications > 0 && (
            <p className="mt-4 text-sm text-muted-foreground">
              <Link
                href={`/p/${partnerSlug}/webhooks?resourceId=${encodeURIComponent(record.wallexId)}`}
                className="text-primary underline underline-offset-4"
              >
                {record.notifications} notification{record.notifications === 1 ? "" : "s"} from Wallex
              </Link>
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
