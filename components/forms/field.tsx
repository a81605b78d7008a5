import * as React from "react";
import { Label } from "@/components/ui/label";

type Props = {
  label: string;
  name: string;
  errors?: string[];
  description?: string;
  children: React.ReactElement<Record<string, unknown>>;
};

/** Label, control, hint and errors, wired together: the control gets its id, name and aria attributes here. */
export function Field({ label, name, errors, description, children }: Props) {
  const id = `field-${name}`;
  const describedBy = [description && `${id}-description`, errors?.length && `${id}-error`].filter(Boolean).join(" ");
  const control = React.cloneElement(children, {
    id,
    name: children.props.name ?? name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy || undefined,
  });
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {control}
      {description && (
        <p id={`${id}-description`} className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs font-medium text-destructive">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
