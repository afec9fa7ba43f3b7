import type { ButtonHTMLAttributes } from "react";

/**
 * An on/off switch that is a submit button (so it works without JavaScript): its form posts
 * the new state. Screen readers hear "switch, on/off" with the given label.
 */
export function Switch({
  checked,
  label,
  className = "",
  ...props
}: { checked: boolean; label: string } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "role" | "aria-checked">) {
  return (
    <button
      type="submit"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border border-border transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-not-allowed disabled:opacity-50 ${checked ? "bg-primary" : "bg-border"} ${className}`}
      {...props}
    >
      <span
        aria-hidden="true"
        className={`inline-block h-4 w-4 rounded-full bg-card shadow transition-transform ${checked ? "translate-x-6 rtl:-translate-x-6" : "translate-x-1 rtl:-translate-x-1"}`}
      />
    </button>
  );
}
