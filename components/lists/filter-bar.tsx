import { FieldError } from "@/components/forms/field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";

/** A GET form for list filters: they live in the URL, so they can be shared and survive a reload. */
export function FilterBar({ basePath, children }: { basePath: string; children: React.ReactNode }) {
  return (
    <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
      {children}
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Button asChild variant="ghost">
          <a href={basePath}>Clear</a>
        </Button>
      </div>
    </form>
  );
}

type FilterSelectProps = {
  name: string;
  label: string;
  value?: string;
  anyLabel: string;
  options: (string | { value: string; label: string })[];
  className?: string;
};

export function FilterSelect({ name, label, value, anyLabel, options, className = "w-56" }: FilterSelectProps) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <NativeSelect id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{anyLabel}</option>
        {options.map((option) => {
          const { value: v, label: l } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </NativeSelect>
    </div>
  );
}

type FilterInputProps = React.ComponentProps<typeof Input> & { name: string; label: string; error?: string };

/** `error`: the filter parsed but cannot mean what was meant (a range backwards); the page runs no query. */
export function FilterInput({ name, label, className, error, ...props }: FilterInputProps) {
  const id = `filter-${name}`;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        className={className}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props}
      />
      <FieldError id={`${id}-error`} errors={error ? [error] : undefined} className="max-w-56" />
    </div>
  );
}
