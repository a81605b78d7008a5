import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { countryName } from "@/lib/countries";
import { formatDateTime } from "@/lib/format";
import { humaniseKey } from "@/lib/members/kyc-status";

export type DraftView = {
  data: Record<string, unknown>;
  savedToWallexAt: Date | null;
  updatedAt: Date;
};

/** Saved here after Wallex last accepted the step (a second of slack: both are set by one save). */
const changedSinceSent = (draft: DraftView) =>
  !!draft.savedToWallexAt && draft.updatedAt.getTime() - draft.savedToWallexAt.getTime() > 1000;

export function DraftState({ draft }: { draft: DraftView | undefined }) {
  if (!draft) return <Badge variant="secondary">Nothing saved yet</Badge>;
  if (!draft.savedToWallexAt) return <Badge variant="warning">Not yet at Wallex</Badge>;
  if (changedSinceSent(draft)) return <Badge variant="warning">Changed since sent to Wallex</Badge>;
  return <Badge variant="success">At Wallex</Badge>;
}

/**
 * One wizard step's saved data, read-only: the member's own words as typed (our copy), with whether
 * Wallex has it yet. Keys are the wizard's field names, shown as words.
 */
export function DraftSection({
  title,
  description,
  draft,
  emptyText,
}: {
  title: string;
  description: string;
  draft: DraftView | undefined;
  emptyText: string;
}) {
  const entries = Object.entries(draft?.data ?? {}).filter(([, value]) => value !== undefined);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>
          {description}
          {draft && (
            <span className="mt-1 block text-xs">
              Last saved {formatDateTime(draft.updatedAt)}
              {draft.savedToWallexAt && ` · sent to Wallex ${formatDateTime(draft.savedToWallexAt)}`}
            </span>
          )}
        </CardDescription>
        <CardAction>
          <DraftState draft={draft} />
        </CardAction>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">{emptyText}</p>
        ) : (
          <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            {entries.map(([key, value]) => (
              <div key={key} className="min-w-0 space-y-1">
                <dt className="text-muted-foreground">{humaniseKey(key)}</dt>
                <dd className="break-words">{displayValue(key, value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}

/** A saved value as people read it: country codes by name, lists joined, yes/no, nothing as a dash. */
export function displayValue(key: string, value: unknown): string {
  if (value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    const name = /country|nationality/i.test(key) && /^[A-Z]{2}$/.test(value) ? countryName(value) : undefined;
    return name ? `${name} (${value})` : value;
  }
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => displayValue(key, v)).join(", ") : "—";
  return JSON.stringify(value);
}
