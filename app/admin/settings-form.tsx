import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import type { SettingsResult } from "~/auth-methods/tenant-settings.server";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";

/** The failed save of one settings form (by its intent), with its field errors and the values sent. */
export type SettingsFailure = Extract<SettingsResult, { ok: false }> | null;

export function useSettingsFailure(intent: string): SettingsFailure {
  const result = useActionData<SettingsResult>();
  return result && !result.ok && result.intent === intent ? result : null;
}

/** One settings form: a card with its fields, disabled for viewers, and a save button. */
export function SettingsForm({
  intent,
  title,
  description,
  canEdit,
  children,
}: {
  intent: string;
  title: string;
  description?: ReactNode;
  canEdit: boolean;
  children: ReactNode;
}) {
  const busy = useNavigation().state === "submitting";
  const failure = useSettingsFailure(intent);
  return (
    <Card title={title}>
      {description ? <div className="-mt-2 mb-4 text-sm text-muted">{description}</div> : null}
      <Form method="post" aria-label={title} noValidate>
        <input type="hidden" name="intent" value={intent} />
        <fieldset disabled={!canEdit} className="flex flex-col gap-4">
          <FormError message={failure?.errors.form} />
          {children}
          <div>
            <Button disabled={busy}>Save</Button>
          </div>
        </fieldset>
      </Form>
    </Card>
  );
}

export function TextArea({
  label,
  name,
  defaultValue,
  error,
  hint,
}: {
  label: string;
  name: string;
  defaultValue: string;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="max-w-full rounded-theme border border-border bg-card px-3 py-2 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      />
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
