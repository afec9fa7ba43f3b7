import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Card } from "./layout";

/**
 * A new secret (API key, client secret), shown this once: it is only in the action's answer
 * and only its hash is stored. A read-only field that selects itself, and a copy button.
 */
export function SecretOnce({
  title,
  label,
  copyLabel,
  secret,
  children,
}: {
  title: string;
  /** The field's label, e.g. "API key". */
  label: string;
  copyLabel: string;
  secret: string;
  children?: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Card title={title} className="mb-6 border-primary">
      <p className="mb-3 text-sm font-medium">
        Copy it now and keep it somewhere safe: you will not see it again. Only a hash is stored.
      </p>
      {children}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1.5 text-sm font-medium">
          {label}
          <input
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            className="rounded-theme border border-border bg-background px-3 py-2 font-mono text-sm"
          />
        </label>
        <Button
          type="button"
          variant="secondary"
          onClick={() => navigator.clipboard.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? "Copied" : copyLabel}
        </Button>
      </div>
    </Card>
  );
}
