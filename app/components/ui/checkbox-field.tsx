import { useId, type InputHTMLAttributes } from "react";

/** A labelled checkbox with an optional hint and an error tied to it, like FormField. */
export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: { label: string; hint?: string; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          {...input}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="h-4 w-4 rounded border-border accent-primary focus-visible:ring-2 focus-visible:ring-primary"
        />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}
