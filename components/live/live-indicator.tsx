/** Says whether what the card shows is kept current, without announcing every poll. */
export function LiveIndicator({ live, idleLabel }: { live: boolean; idleLabel: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="live-indicator">
      <span
        aria-hidden
        className={
          live
            ? "size-2 rounded-full bg-success motion-safe:animate-pulse"
            : "size-2 rounded-full bg-muted-foreground/40"
        }
      />
      {live ? "Live" : idleLabel}
    </span>
  );
}
