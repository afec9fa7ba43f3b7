import { useState } from "react";
import { Button } from "./button";

/** A read-only value people paste elsewhere (a secret, a URL): it selects itself and has a copy button. */
export function CopyField({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-1 flex-col gap-1.5 text-sm font-medium">
        {label}
        <input
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="rounded-theme border border-border bg-background px-3 py-2 font-mono text-sm"
        />
      </label>
      <Button
        type="button"
        variant="secondary"
        onClick={() => navigator.clipboard.writeText(value).then(() => setCopied(true))}
      >
        {copied ? "Copied" : copyLabel}
      </Button>
    </div>
  );
}
