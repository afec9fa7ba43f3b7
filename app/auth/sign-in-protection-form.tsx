import { SettingsForm, type SettingsFailure } from "~/admin/settings-form";
import type { signInProtectionValues } from "~/auth/sign-in-protection-settings.server";
import { FormField } from "~/components/form-field";
import { CheckboxField } from "~/components/ui/checkbox-field";

/** Per-account throttling, enumeration protection and the first factors that ask for the second (docs/security.md). */
export function SignInProtectionForm({
  canEdit,
  stored,
  firstFactors,
  failure,
}: {
  canEdit: boolean;
  stored: ReturnType<typeof signInProtectionValues>;
  firstFactors: { value: string; label: string }[];
  failure: SettingsFailure;
}) {
  const value = (name: "freeAttempts" | "maxDelaySeconds" | "lockAfter" | "noticeAfter") =>
    failure?.values?.[name] ?? String(stored[name]);
  return (
    <SettingsForm
      intent="signInProtection"
      title="Sign-in protection"
      canEdit={canEdit}
      description="Limits per account, on top of the per-IP rate limit: wrong passwords and codes for one account are slowed down whatever addresses they come from."
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          label="Free attempts"
          name="freeAttempts"
          inputMode="numeric"
          defaultValue={value("freeAttempts")}
          error={failure?.errors.freeAttempts}
          hint="Wrong passwords or codes for one account before each further attempt waits 1, 2, 4, … seconds."
        />
        <FormField
          label="Longest delay (seconds)"
          name="maxDelaySeconds"
          inputMode="numeric"
          defaultValue={value("maxDelaySeconds")}
          error={failure?.errors.maxDelaySeconds}
          hint="The wait between attempts stops growing here."
        />
        <FormField
          label="Pause password sign-in after"
          name="lockAfter"
          inputMode="numeric"
          defaultValue={value("lockAfter")}
          error={failure?.errors.lockAfter}
          hint="Failures in 24 hours. A sign-in by link, code, passkey or provider, or a password reset, lifts the pause."
        />
        <FormField
          label="Email the user after"
          name="noticeAfter"
          inputMode="numeric"
          defaultValue={value("noticeAfter")}
          error={failure?.errors.noticeAfter}
          hint="Failures in 24 hours; at most one email a day."
        />
      </div>
      <CheckboxField
        label="Protect against account enumeration"
        name="enumerationProtection"
        defaultChecked={stored.enumerationProtection}
        hint="Sign-up and password reset answer the same whether or not an address has an account. New sign-ups then confirm their email before they are signed in; the owner of an existing address gets an email instead."
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Ask for the second factor after</legend>
        {firstFactors.map((factor) => (
          <CheckboxField
            key={factor.value}
            label={factor.label}
            name="secondFactorFor"
            value={factor.value}
            defaultChecked={stored.secondFactorFor.includes(factor.value as (typeof stored.secondFactorFor)[number])}
          />
        ))}
        <p className="text-sm text-muted">
          For users with two-factor authentication on. Passkeys already prove two factors, so they are off by default.
        </p>
      </fieldset>
    </SettingsForm>
  );
}
