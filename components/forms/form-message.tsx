import { CircleAlert, CircleCheck, Info } from "lucide-react";
import { cn } from "@/lib/utils";

export type FormMessageProps = {
  /** "error" is announced assertively (role="alert"); "success" and "info" politely (role="status"). */
  type?: "error" | "success" | "info";
  children?: React.ReactNode;
  className?: string;
};

const styles = {
  error: { icon: CircleAlert, className: "border-red-200 bg-destructive-soft text-destructive-soft-foreground" },
  success: { icon: CircleCheck, className: "border-emerald-200 bg-success-soft text-success-soft-foreground" },
  info: { icon: Info, className: "border-border bg-muted/50 text-foreground" },
} as const;

/** A form-level outcome message (e.g. "Wrong email or password"). Renders nothing without children. */
export function FormMessage({ type = "error", children, className }: FormMessageProps) {
  if (children == null || children === false || children === "") return null;
  const { icon: Icon, className: tone } = styles[type];
  return (
    <div
      role={type === "error" ? "alert" : "status"}
      data-slot="form-message"
      data-type={type}
      className={cn("flex items-start gap-2 rounded-md border px-3 py-2 text-sm", tone, className)}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
