/** before → after, one line per key that changed (or was set), compactly. */
export function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {keys.map((key) => (
        <div key={key} className="flex flex-wrap gap-1">
          <dt className="text-muted-foreground">{key}:</dt>
          <dd className="break-all">
            {key in b && key in a && show(b[key]) !== show(a[key]) ? (
              <>
                <span className="text-muted-foreground line-through">{show(b[key])}</span> → {show(a[key])}
              </>
            ) : (
              show(key in a ? a[key] : b[key])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown) {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}
