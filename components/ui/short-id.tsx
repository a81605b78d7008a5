/** A long id shown by its first characters; the whole id is the title and the accessible name. */
export function ShortId({ id, length = 8 }: { id: string; length?: number }) {
  if (id.length <= length + 1) return <span className="font-mono">{id}</span>;
  return (
    <span className="font-mono" title={id} aria-label={id}>
      {id.slice(0, length)}…
    </span>
  );
}
