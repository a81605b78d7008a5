import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

export type CodeBlockProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** The text shown (verbatim, monospace) and copied. */
  code: string;
  /** Optional caption above the code, e.g. "Webhook secret" or "curl". */
  label?: string;
  /** Show a copy button (default true). */
  copyable?: boolean;
};

/** Monospace, scrollable block for secrets, IDs, JSON payloads and snippets, with a copy button. */
export function CodeBlock({ code, label, copyable = true, className, ...props }: CodeBlockProps) {
  return (
    <div
      data-slot="code-block"
      className={cn("min-w-0 overflow-hidden rounded-lg border bg-muted/40", className)}
      {...props}
    >
      {(label || copyable) && (
        <div className="flex h-10 items-center justify-between gap-2 border-b bg-muted/60 pr-1.5 pl-3">
          <span className="truncate text-xs font-medium text-muted-foreground">{label}</span>
          {copyable && (
            <CopyButton
              value={code}
              size="icon"
              variant="ghost"
              label={label ? `Copy ${label}` : "Copy"}
              className="size-7"
            />
          )}
        </div>
      )}
      {/* The pre scrolls (both ways, up to 32rem tall), never the page; it takes focus so keyboards can scroll it. */}
      <pre
        className="max-h-[32rem] max-w-full overflow-auto p-3 font-mono text-[13px] leading-relaxed text-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
        tabIndex={0}
        aria-label={label ?? "Code"}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
