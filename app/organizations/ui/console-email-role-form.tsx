import { Form } from "@remix-run/react";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/select-field";

type Failure = { intent: string; errors: Record<string, string>; values?: Record<string, string> } | undefined;

/** An email address and a role, the shape of adding a member and of inviting one; errors show when `failure` is this form's. */
export function ConsoleEmailRoleForm({
  intent,
  emailLabel,
  submitLabel,
  roles,
  failure,
  disabled,
}: {
  intent: string;
  emailLabel: string;
  submitLabel: string;
  roles: readonly string[];
  failure: Failure;
  disabled: boolean;
}) {
  const own = failure?.intent === intent ? failure : undefined;
  return (
    <Form method="post" className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {own?.errors.form ? (
        <div className="sm:col-span-3">
          <FormError message={own.errors.form} />
        </div>
      ) : null}
      <FormField
        label={emailLabel}
        name="email"
        type="email"
        required
        defaultValue={own?.values?.email}
        error={own?.errors.email}
      />
      <SelectField
        label="Role"
        name="role"
        options={roles.map((role) => ({ value: role, label: role }))}
        defaultValue="member"
        error={own?.errors.role}
      />
      <Button disabled={disabled}>{submitLabel}</Button>
    </Form>
  );
}
