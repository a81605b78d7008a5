import { cn } from "@/lib/utils";

export type FieldErrorProps = {
  /** Referenced by the control's `aria-describedby`. */
  id?: string;
  errors?: string[];
  className?: string;
};

/** Validation messages for one field; renders nothing when there are none. */
export function FieldError({ id, errors, className }: FieldErrorProps) {
  const messages = errors?.filter(Boolean) ?? [];
  if (messages.length === 0) return null;
  return (
    <div id={id} data-slot="field-error" className={cn("text-[13px] leading-5 text-destructive", className)}>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul className="list-inside list-disc">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
