import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import { cn } from "@/lib/utils";

export type BannerProps = {
  variant?: "info" | "warning" | "destructive";
  children: React.ReactNode;
  /** A link or button on the right, e.g. `<Button asChild size="sm" variant="outline"><Link…/></Button>`. */
  action?: React.ReactNode;
  className?: string;
};

const tones = {
  info: { icon: Info, className: "border-indigo-100 bg-brand-soft text-brand-soft-foreground" },
  warning: { icon: TriangleAlert, className: "border-amber-200 bg-warning-soft text-warning-soft-foreground" },
  destructive: { icon: CircleAlert, className: "border-red-200 bg-destructive-soft text-destructive-soft-foreground" },
} as const;

/** A full-width strip above the page content, e.g. for AppShell's `banner` ("Sandbox mode", "Set up 2FA"). */
export function Banner({ variant = "info", children, action, className }: BannerProps) {
  const { icon: Icon, className: tone } = tones[variant];
  return (
    <div
      role={variant === "info" ? "status" : "alert"}
      className={cn(
        "flex flex-wrap items-center gap-x-3 gap-y-2 border-b px-4 py-2.5 text-sm sm:px-6 lg:px-10",
        tone,
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}
