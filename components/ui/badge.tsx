import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils";

/** The shape is `[data-slot="badge"]` in app/globals.css (components layer); these are the colours. */
export const badgeVariants = cva("", {
  variants: {
    variant: {
      default: "border-transparent bg-brand-soft text-brand-soft-foreground",
      secondary: "border-transparent bg-secondary text-secondary-foreground",
      outline: "border-border bg-background text-foreground",
      success: "border-emerald-200 bg-success-soft text-success-soft-foreground",
      warning: "border-amber-200 bg-warning-soft text-warning-soft-foreground",
      destructive: "border-red-200 bg-destructive-soft text-destructive-soft-foreground",
      info: "border-sky-200 bg-sky-50 text-sky-700",
    },
  },
  defaultVariants: { variant: "default" },
});

export type BadgeProps = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants> & { asChild?: boolean };

export function Badge({ className, variant, asChild = false, ...props }: BadgeProps) {
  const Comp = asChild ? Slot : "span";
  return <Comp data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props} />;
}
