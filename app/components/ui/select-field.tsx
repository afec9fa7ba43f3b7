import { useId, type SelectHTMLAttributes } from "react";

type SelectFieldProps = {
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
} & SelectHTMLAttributes<HTMLSelectElement>;

/** A labelled native select whose error is tied to it, like FormField for inputs. */
export function SelectField({ label, options, error, hint, className = "", ...select }: SelectFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        {...select}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="max-w-full rounded-theme border border-border bg-card px-3 py-2 text-base text-foreground outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
