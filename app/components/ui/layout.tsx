import type { ReactNode } from "react";

/** Page title, a line of description and the page's main actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, children, className = "" }: { title?: string; children: ReactNode; className?: string }) {
  return (
    // min-w-0: in a grid or flex row a card shrinks to its cell instead of to its widest content.
    <section className={`min-w-0 rounded-theme border border-border bg-card p-5 ${className}`}>
      {title ? <h2 className="mb-4 text-base font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-theme border border-dashed border-border p-8 text-center">
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-2 text-sm text-muted">{children}</div> : null}
    </div>
  );
}

export function Badge({
  children,
  tone = "neutral",
}: {
  children: ReactNode;
  tone?: "neutral" | "success" | "danger";
}) {
  const tones = {
    neutral: "border-border text-muted",
    success: "border-green-600 text-green-700 dark:text-green-400",
    danger: "border-danger text-danger",
  };
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}

/**
 * A table that scrolls sideways on a phone instead of breaking the layout. The scrolling box is
 * focusable (named like the table), so keyboard users can scroll it too; `relative` keeps the
 * table's visually hidden (absolutely placed) header texts inside it, where they would
 * otherwise hang past the screen's edge and widen the page.
 */
export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-theme border border-border bg-card focus-visible:outline-2 focus-visible:outline-primary"
    >
      <table
        aria-label={label}
        className="w-full text-start text-sm [&_td]:px-4 [&_td]:py-2.5 [&_th]:px-4 [&_th]:py-2.5 [&_th]:font-medium [&_th]:text-muted [&_tr]:border-b [&_tr]:border-border [&_tbody_tr:last-child]:border-0"
      >
        {children}
      </table>
    </div>
  );
}
