import { SettingsForm, type SettingsFailure } from "~/admin/settings-form";
import { FormField } from "~/components/form-field";
import { SelectField } from "~/components/ui/select-field";
import type { TenantConfig } from "~/tenancy/config";

const BOT_PROVIDER_OPTIONS = [
  { value: "off", label: "Off" },
  { value: "altcha", label: "ALTCHA (self-hosted proof of work)" },
  { value: "turnstile", label: "Cloudflare Turnstile" },
  { value: "hcaptcha", label: "hCaptcha" },
  { value: "recaptcha", label: "Google reCAPTCHA" },
];

/** The console's bot protection card (docs/security.md, "Bot protection and password policy"). */
export function BotProtectionForm({
  canEdit,
  stored,
  secretSet,
  failure,
}: {
  canEdit: boolean;
  stored: TenantConfig["botProtection"];
  secretSet: boolean;
  failure: SettingsFailure;
}) {
  return (
    <SettingsForm
      intent="botProtection"
      title="Bot protection"
      canEdit={canEdit}
      description="A check on sign-up, password reset requests and sign-in after repeated failures. ALTCHA is a proof of work computed by the browser, with no third party; the others need the provider's keys."
    >
      <SelectField
        label="Provider"
        name="provider"
        options={BOT_PROVIDER_OPTIONS}
        defaultValue={failure?.values?.provider ?? stored.provider}
        error={failure?.errors.provider}
      />
      <FormField
        label="Site key"
        name="siteKey"
        defaultValue={failure?.values?.siteKey ?? stored.siteKey}
        error={failure?.errors.siteKey}
        hint="Turnstile, hCaptcha and reCAPTCHA only."
      />
      <FormField
        label="Secret key"
        name="secretKey"
        type="password"
        autoComplete="off"
        error={failure?.errors.secretKey}
        hint={secretSet ? "Set. Type a new key to replace it." : "Turnstile, hCaptcha and reCAPTCHA only."}
      />
      <FormField
        label="Failed sign-ins before sign-in is checked too"
        name="signInAfterFailures"
        inputMode="numeric"
        defaultValue={failure?.values?.signInAfterFailures ?? String(stored.signInAfterFailures)}
        error={failure?.errors.signInAfterFailures}
        hint="Counted per network address and per account over 15 minutes; 0 checks every sign-in."
      />
    </SettingsForm>
  );
}
