import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";

export type SpinnerProps = React.ComponentProps<"svg"> & {
  /** Accessible name; pass `aria-hidden` instead when a visible label already says "Saving…". */
  label?: string;
};

export function Spinner({ className, label = "Loading", ...props }: SpinnerProps) {
  const hidden = props["aria-hidden"] === true || props["aria-hidden"] === "true";
  return (
    <LoaderCircle
      data-slot="spinner"
      role={hidden ? undefined : "status"}
      aria-label={hidden ? undefined : label}
      className={cn("size-4 animate-spin", className)}
      {...props}
    />
  );
}
