import { Children, cloneElement, isValidElement, useId } from "react";
import { FieldError } from "@/components/forms/field-error";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type ControlProps = {
  id?: string;
  name?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-describedby"?: string;
};

export type FieldProps = {
  label: React.ReactNode;
  /** Form field name: given to the control (unless it sets its own) and used in its id. */
  name: string;
  errors?: string[];
  description?: React.ReactNode;
  /** Exactly one control (Input, Textarea, NativeSelect…); it receives id, name, aria-invalid and aria-describedby. */
  children: React.ReactElement<ControlProps>;
  className?: string;
};

/** Label + control + help text + errors, with the accessibility wiring done for you. */
export function Field({ label, name, errors, description, children, className }: FieldProps) {
  const uid = useId();
  const control = Children.only(children);
  const id = (isValidElement(control) && control.props.id) || `${name}-${uid.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const descriptionId = description ? `${id}-description` : undefined;
  const hasErrors = (errors?.filter(Boolean).length ?? 0) > 0;
  const errorId = hasErrors ? `${id}-error` : undefined;
  const describedBy =
    [control.props["aria-describedby"], descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div data-slot="field" data-invalid={hasErrors || undefined} className={cn("grid content-start gap-2", className)}>
      <Label htmlFor={id} className={cn(hasErrors && "text-destructive")}>
        {label}
      </Label>
      {cloneElement(control, {
        id,
        name: control.props.name ?? name,
        "aria-invalid": hasErrors || control.props["aria-invalid"] || undefined,
        "aria-describedby": describedBy,
      })}
      {description && (
        <p id={descriptionId} data-slot="field-description" className="text-[13px] leading-5 text-muted-foreground">
          {description}
        </p>
      )}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
