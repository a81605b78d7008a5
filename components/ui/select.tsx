import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";

export type NativeSelectProps = React.ComponentProps<"select"> & {
  /** Class for the wrapping element (width, margins); `className` styles the `<select>` itself. */
  wrapperClassName?: string;
};

/** A styled native `<select>`: works in server components, forms and without JavaScript. */
/** Width utilities given to `className` (w-56, sm:w-40…) must size the wrapper, so the chevron stays aligned. */
function widthClasses(className?: string) {
  return className?.match(/(?:^|\s)((?:[a-z0-9-]+:)*w-\S+)/g)?.map((c) => c.trim());
}

export function NativeSelect({ className, wrapperClassName, children, ...props }: NativeSelectProps) {
  return (
    <div data-slot="native-select-wrapper" className={cn("relative w-full", widthClasses(className), wrapperClassName)}>
      <select
        data-slot="native-select"
        className={cn(
          "h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-background py-1 pr-9 pl-3 text-sm shadow-xs transition-[color,box-shadow] outline-none",
          "focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20",
          "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/20",
          "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}

export function NativeSelectOption(props: React.ComponentProps<"option">) {
  return <option data-slot="native-select-option" {...props} />;
}

export function NativeSelectOptGroup(props: React.ComponentProps<"optgroup">) {
  return <optgroup data-slot="native-select-optgroup" {...props} />;
}
