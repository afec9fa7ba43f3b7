import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Button } from "./button";

/**
 * A destructive action that only unlocks once the user types the exact confirmation text
 * (a tenant's slug, a user's email). The server checks the same text again.
 */
export function TypedConfirmForm({
  action,
  intent,
  confirmText,
  label,
  buttonLabel,
  error,
  hidden = {},
}: {
  action?: string;
  intent: string;
  /** Further fields the action needs (the record acted on). */
  hidden?: Record<string, string>;
  confirmText: string;
  label: string;
  buttonLabel: string;
  error?: string;
}) {
  const [typed, setTyped] = useState("");
  // Without JavaScript the button stays enabled and the server's own check decides.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Form method="post" action={action} className="flex flex-col gap-2">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm">
        {label} <code className="font-mono font-semibold">{confirmText}</code>
        <input
          name="confirm"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded-theme border border-border bg-card px-3 py-2 font-mono"
        />
      </label>
      {error ? <p className="text-sm text-danger">{error}</p> : null}
      <Button variant="danger" disabled={hydrated && typed !== confirmText}>
        {buttonLabel}
      </Button>
    </Form>
  );
}
