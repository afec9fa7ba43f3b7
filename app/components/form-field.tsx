import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

type FormFieldProps = {
  label: string;
  error?: string;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error is tied to it (aria-invalid, aria-describedby) and read out. */
export function FormField({ label, error, hint, ...input }: FormFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="max-w-full rounded-theme border border-border bg-card px-3 py-2 text-base text-foreground outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      />
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextAreaFieldProps = {
  label: string;
  error?: string;
  hint: string;
  /** Text sizes: lists of hostnames read well at `sm`, JSON at `xs`. */
  textSize?: "sm" | "xs";
} & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled monospace textarea (lists, JSON) with its hint and error tied to it. */
export function TextAreaField({ label, error, hint, textSize = "sm", ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        {...textarea}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={`max-w-full rounded-theme border border-border bg-card px-3 py-2 font-mono ${textSize === "xs" ? "text-xs" : "text-sm"} outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger`}
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-theme border border-danger px-3 py-2 text-sm font-medium text-danger">
      {message}
    </p>
  );
}

export function SubmitButton({ children, pending }: { children: string; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-theme bg-primary px-4 py-2.5 font-semibold text-primary-foreground hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:opacity-60"
    >
      {children}
    </button>
  );
}
