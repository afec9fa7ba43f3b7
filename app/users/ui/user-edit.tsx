import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError, FormField, TextAreaField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, Card } from "~/components/ui/layout";

/**
 * The user page's admin forms: the profile editor, and the resets of a user's second factors.
 * Plain forms with an `intent`, so they work without JavaScript; a reset asks for a second
 * click inside a disclosure, which is native HTML too.
 */
export type EditableUser = {
  name: string;
  email: string;
  emailVerified: boolean;
  publicMetadata: string;
  privateMetadata: string;
};

type Errors = Partial<Record<string, string>>;

export function ProfileEditor({ user, errors, sent }: { user: EditableUser; errors: Errors; sent?: EditableUser }) {
  const values = sent ?? user;
  const busy = useNavigation().formData?.get("intent") === "update-profile";
  return (
    <Card title="Edit profile">
      {/* Keyed by the stored values: after a save the fields show what was stored (formatted JSON). */}
      <Form
        key={[user.name, user.email, user.emailVerified, user.publicMetadata, user.privateMetadata].join("\u0000")}
        method="post"
        className="flex flex-col gap-4"
        noValidate
        aria-busy={busy || undefined}
      >
        <input type="hidden" name="intent" value="update-profile" />
        <FormError message={errors.form} />
        <FormField label="Name" name="name" required maxLength={100} defaultValue={values.name} error={errors.name} />
        <FormField
          label="Email"
          name="email"
          type="email"
          required
          maxLength={254}
          defaultValue={values.email}
          error={errors.email}
        />
        <CheckboxField
          label="Email address verified"
          name="emailVerified"
          defaultChecked={values.emailVerified}
          error={errors.emailVerified}
          hint="A new email address is unverified unless you tick this in the same save."
        />
        <TextAreaField
          label="Public metadata"
          name="publicMetadata"
          rows={4}
          textSize="xs"
          defaultValue={values.publicMetadata}
          error={errors.publicMetadata}
          hint="A JSON object (at most 8 KB) the user's apps can read, in their session and tokens."
        />
        <TextAreaField
          label="Private metadata"
          name="privateMetadata"
          rows={4}
          textSize="xs"
          defaultValue={values.privateMetadata}
          error={errors.privateMetadata}
          hint="A JSON object (at most 8 KB) only your servers read, through API keys."
        />
        <div>
          <Button disabled={busy}>Save profile</Button>
        </div>
      </Form>
    </Card>
  );
}

/** A destructive reset: the first button opens the explanation, the second does it. */
function ConfirmedReset({
  intent,
  open,
  confirmLabel,
  children,
  hidden,
}: {
  intent: string;
  open: string;
  confirmLabel: string;
  children: ReactNode;
  hidden?: Record<string, string>;
}) {
  return (
    <details className="mt-3">
      <summary className="inline-flex cursor-pointer list-none items-center rounded-theme border border-border px-3 py-2 text-sm font-medium hover:bg-card focus-visible:outline-2 focus-visible:outline-primary">
        {open}
      </summary>
      <Form method="post" className="mt-3 flex flex-col gap-3 rounded-theme border border-danger p-3">
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p className="text-sm">{children}</p>
        <div>
          <Button variant="danger">{confirmLabel}</Button>
        </div>
      </Form>
    </details>
  );
}

export type PasskeyView = { id: string; name: string | null; deviceType: string; added: string | null };

export function SecondFactors({
  email,
  twoFactorEnabled,
  passkeys,
}: {
  email: string;
  twoFactorEnabled: boolean;
  passkeys: PasskeyView[];
}) {
  return (
    <Card title="Two-factor and passkeys">
      <p className="text-sm">
        Two-factor (authenticator app): {twoFactorEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
      </p>
      {twoFactorEnabled ? (
        <ConfirmedReset intent="reset-two-factor" open="Reset two-factor…" confirmLabel="Yes, reset two-factor">
          Removes the authenticator secret and backup codes of {email} and signs them out everywhere. They then sign in
          with their password alone and can set up two-factor again.
        </ConfirmedReset>
      ) : null}
      <div className="mt-5 border-t border-border pt-4">
        <p className="text-sm">Passkeys: {passkeys.length === 0 ? "none" : passkeys.length}</p>
        {passkeys.length > 0 ? (
          <>
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {passkeys.map((passkey) => (
                <li key={passkey.id}>
                  {passkey.name || "Unnamed passkey"}{" "}
                  <span className="text-muted">
                    ({passkey.deviceType === "multiDevice" ? "synced" : "this device only"}
                    {passkey.added ? `, added ${passkey.added}` : ""})
                  </span>
                  {passkeys.length > 1 ? (
                    <ConfirmedReset
                      intent="remove-passkeys"
                      hidden={{ passkeyId: passkey.id }}
                      open={`Remove ${passkey.name || "this passkey"}…`}
                      confirmLabel={`Yes, remove ${passkey.name || "this passkey"}`}
                    >
                      Removes this passkey of {email} and signs them out everywhere; their other passkeys stay.
                    </ConfirmedReset>
                  ) : null}
                </li>
              ))}
            </ul>
            <ConfirmedReset intent="remove-passkeys" open="Remove passkeys…" confirmLabel="Yes, remove all passkeys">
              Removes {passkeys.length === 1 ? "the passkey" : `all ${passkeys.length} passkeys`} of {email} and signs
              them out everywhere. They sign in another way and can add a passkey again.
            </ConfirmedReset>
          </>
        ) : null}
      </div>
    </Card>
  );
}
