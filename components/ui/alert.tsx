import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils";

export const alertVariants = cva(
  "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current",
  {
    variants: {
      variant: {
        default: "bg-card text-card-foreground [&>svg]:text-muted-foreground",
        destructive:
          "border-red-200 bg-destructive-soft text-destructive-soft-foreground [&_[data-slot=alert-description]]:text-red-800/90",
        warning:
          "border-amber-200 bg-warning-soft text-warning-soft-foreground [&_[data-slot=alert-description]]:text-amber-900/80",
        success:
          "border-emerald-200 bg-success-soft text-success-soft-foreground [&_[data-slot=alert-description]]:text-emerald-900/80",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type AlertProps = React.ComponentProps<"div"> & VariantProps<typeof alertVariants>;

/**
 * A callout. Put an optional lucide icon first, then AlertTitle / AlertDescription.
 * Destructive and warning alerts use role="alert"; the others role="status" (override with `role`).
 */
export function Alert({ className, variant, ...props }: AlertProps) {
  const role = variant === "destructive" || variant === "warning" ? "alert" : "status";
  return <div data-slot="alert" role={role} className={cn(alertVariants({ variant }), className)} {...props} />;
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-title"
      className={cn("col-start-2 min-h-4 font-medium tracking-tight", className)}
      {...props}
    />
  );
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn(
        "col-start-2 grid justify-items-start gap-1 text-sm text-muted-foreground [&_p]:leading-relaxed",
        className,
      )}
      {...props}
    />
  );
}
