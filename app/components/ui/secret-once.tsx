import type { ReactNode } from "react";
import { CopyField } from "./copy-field";
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
  return (
    <Card title={title} className="mb-6 border-primary">
      <p className="mb-3 text-sm font-medium">
        Copy it now and keep it somewhere safe: you will not see it again. Only a hash is stored.
      </p>
      {children}
      <CopyField label={label} value={secret} copyLabel={copyLabel} />
    </Card>
  );
}
