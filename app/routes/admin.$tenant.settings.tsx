import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTenantRole, type ConsoleAccess } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { SettingsForm, TextArea, useSettingsFailure } from "~/admin/settings-form";
import {
  isSecretSet,
  renameTenant,
  saveBotProtection,
  saveHostnames,
  savePasswordPolicy,
  saveSessionSettings,
  saveSignUpMode,
  saveSmtpSettings,
  saveTrustedOrigins,
  SMTP_PASSWORD_SECRET,
  type SettingsResult,
} from "~/auth-methods/tenant-settings.server";
import {
  FIRST_FACTOR_LABELS,
  saveSignInProtection,
  signInProtectionValues,
} from "~/auth/sign-in-protection-settings.server";
import { SignInProtectionForm } from "~/auth/sign-in-protection-form";
import { BotProtectionForm } from "~/bot-protection/settings-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, PageHeader } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { RetentionForm } from "~/privacy/retention-form";
import { saveRetentionSettings } from "~/privacy/retention-settings.server";
import { botProtectionDeployment } from "~/bot-protection/deployment.server";
import { BOT_PROTECTION_SECRET } from "~/tenancy/config";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  const { config } = tenant;
  return {
    name: tenant.name,
    hostnames: tenant.hostnames,
    publicHost: getPortico().env.publicUrl.hostname,
    trustedOrigins: config.trustedOrigins,
    bearerEnabled: config.authMethods.bearer.enabled,
    session: { expiresInHours: config.session.expiresIn / 3600, updateAgeHours: config.session.updateAge / 3600 },
    minPasswordLength: config.authMethods.emailPassword.minPasswordLength,
    maxPasswordLength: config.authMethods.emailPassword.maxPasswordLength,
    rejectCommonPasswords: config.passwordPolicy.rejectCommonPasswords,
    minStrength: config.passwordPolicy.minStrength,
    rejectBreachedPasswords: config.passwordPolicy.rejectBreachedPasswords,
    allowOutbound: botProtectionDeployment().allowOutbound,
    botProtection: config.botProtection,
    botSecretSet: await isSecretSet(tenant.id, BOT_PROTECTION_SECRET),
    signUpMode: config.signUp.mode,
    smtp: config.smtp,
    retention: config.retention,
    smtpPasswordSet: await isSecretSet(tenant.id, SMTP_PASSWORD_SECRET),
    signInProtection: signInProtectionValues(config),
    firstFactors: Object.entries(FIRST_FACTOR_LABELS).map(([value, label]) => ({ value, label })),
    canEdit: roleAtLeast(role, "admin"),
    configVersion: tenant.configVersion,
  };
}

const ACTIONS: Record<string, (access: ConsoleAccess, request: Request, form: FormData) => Promise<SettingsResult>> = {
  rename: renameTenant,
  hostnames: saveHostnames,
  trustedOrigins: saveTrustedOrigins,
  session: saveSessionSettings,
  passwordPolicy: savePasswordPolicy,
  botProtection: saveBotProtection,
  signUp: saveSignUpMode,
  smtp: saveSmtpSettings,
  retention: saveRetentionSettings,
  signInProtection: saveSignInProtection,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const form = await readForm(request);
  const intent = form.get("intent");
  const save = typeof intent === "string" && Object.hasOwn(ACTIONS, intent) ? ACTIONS[intent] : undefined;
  if (!save) throw new Response("Unknown action.", { status: 400 });
  const result = await save(access, request, form);
  if (!result.ok) return data(result, { status: 400 });
  return redirectWithToast(`/admin/${access.tenant.slug}/settings`, { type: "success", message: result.message });
}

const SIGN_UP_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "invite-only", label: "Invite-only" },
  { value: "closed", label: "Closed" },
];

const STRENGTH_OPTIONS = [
  { value: "0", label: "0: anything the other rules allow" },
  { value: "1", label: "1: very weak" },
  { value: "2", label: "2: somewhat hard to guess (recommended)" },
  { value: "3", label: "3: hard to guess" },
  { value: "4", label: "4: very hard to guess" },
];

const SMTP_SECURITY_OPTIONS = [
  { value: "starttls", label: "STARTTLS (usually port 587)" },
  { value: "tls", label: "TLS (usually port 465)" },
  { value: "none", label: "None (local relays only)" },
];

export default function TenantSettings() {
  const settings = useLoaderData<typeof loader>();
  const { canEdit } = settings;
  const rename = useSettingsFailure("rename");
  const hostnames = useSettingsFailure("hostnames");
  const origins = useSettingsFailure("trustedOrigins");
  const session = useSettingsFailure("session");
  const policy = useSettingsFailure("passwordPolicy");
  const signUp = useSettingsFailure("signUp");
  const bots = useSettingsFailure("botProtection");
  const smtp = useSettingsFailure("smtp");
  const retention = useSettingsFailure("retention");
  const protection = useSettingsFailure("signInProtection");
  return (
    <>
      <PageHeader
        title="Settings"
        description="The tenant's name, domains, sessions, sign-up, data retention and email delivery."
      />
      {canEdit ? null : (
        <p className="mb-4 rounded-theme border border-border bg-card px-4 py-3 text-sm text-muted">
          You have read-only access: only admins and owners can change settings.
        </p>
      )}
      {/* Keyed by version: after a save every form shows what is stored, and the password field is empty again. */}
      <div key={settings.configVersion} className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SettingsForm intent="rename" title="Name" canEdit={canEdit}>
          <FormField
            label="Tenant name"
            name="name"
            defaultValue={rename?.values?.name ?? settings.name}
            error={rename?.errors.name}
            hint="Shown on the hosted pages and in emails."
          />
        </SettingsForm>

        <SettingsForm
          intent="hostnames"
          title="Custom domains"
          canEdit={canEdit}
          description={
            <>
              <p>Serve the hosted pages on your own domain. For each hostname, create this DNS record:</p>
              {(settings.hostnames.length ? settings.hostnames : ["auth.example.com"]).map((host) => (
                <p key={host} className="mt-1 font-mono text-xs text-foreground">
                  CNAME {host} → {settings.publicHost}
                </p>
              ))}
              <p className="mt-2">
                <Link to="../domains" relative="path" className="font-medium text-primary hover:underline">
                  Check whether each domain resolves here
                </Link>
              </p>
            </>
          }
        >
          <TextArea
            label="Hostnames"
            name="hostnames"
            defaultValue={hostnames?.values?.hostnames ?? settings.hostnames.join("\n")}
            error={hostnames?.errors.hostnames}
            hint="One per line, such as auth.example.com."
          />
        </SettingsForm>

        <SettingsForm
          intent="trustedOrigins"
          title="Trusted origins"
          canEdit={canEdit}
          description={
            settings.bearerEnabled ? (
              <p>Bearer tokens are on: widgets on these origins sign users in (token mode).</p>
            ) : (
              <p>Adding an origin also turns on Bearer tokens, which the widgets&apos; token mode needs.</p>
            )
          }
        >
          <TextArea
            label="Origins"
            name="trustedOrigins"
            defaultValue={origins?.values?.trustedOrigins ?? settings.trustedOrigins.join("\n")}
            error={origins?.errors.trustedOrigins}
            hint="Sites that may embed the widgets and be redirected to after sign-in, one per line, such as https://app.example.com."
          />
        </SettingsForm>

        <SettingsForm intent="session" title="Sessions" canEdit={canEdit}>
          <FormField
            label="Session lifetime (hours)"
            name="expiresInHours"
            inputMode="numeric"
            defaultValue={session?.values?.expiresInHours ?? String(settings.session.expiresInHours)}
            error={session?.errors.expiresInHours}
            hint="A session not used for this long expires."
          />
          <FormField
            label="Refresh interval (hours)"
            name="updateAgeHours"
            inputMode="numeric"
            defaultValue={session?.values?.updateAgeHours ?? String(settings.session.updateAgeHours)}
            error={session?.errors.updateAgeHours}
            hint="A session used after this long is extended by its lifetime."
          />
        </SettingsForm>

        <SettingsForm intent="passwordPolicy" title="Password policy" canEdit={canEdit}>
          <FormField
            label="Minimum password length"
            name="minPasswordLength"
            inputMode="numeric"
            defaultValue={policy?.values?.minPasswordLength ?? String(settings.minPasswordLength)}
            error={policy?.errors.minPasswordLength}
            hint={`8 to ${Math.min(128, settings.maxPasswordLength)} characters (the maximum is set under Auth methods).`}
          />
          <CheckboxField
            label="Refuse common passwords"
            name="rejectCommonPasswords"
            defaultChecked={settings.rejectCommonPasswords}
            hint="Checks new passwords against a bundled list of 49,000 common passwords."
          />
          <SelectField
            label="Minimum strength"
            name="minStrength"
            options={STRENGTH_OPTIONS}
            defaultValue={policy?.values?.minStrength ?? String(settings.minStrength)}
            error={policy?.errors.minStrength}
            hint="zxcvbn's estimate of how hard a password is to guess; the user's name and email count against it."
          />
          <CheckboxField
            label="Refuse breached passwords (Have I Been Pwned)"
            name="rejectBreachedPasswords"
            defaultChecked={settings.rejectBreachedPasswords}
            hint={
              settings.allowOutbound
                ? "Sends the first 5 characters of the password's SHA-1 hash to the range API, never the password."
                : "Has no effect here: this deployment does not allow outbound calls (PORTICO_ALLOW_OUTBOUND)."
            }
          />
        </SettingsForm>

        <BotProtectionForm
          canEdit={canEdit}
          stored={settings.botProtection}
          secretSet={settings.botSecretSet}
          failure={bots}
        />

        <SettingsForm intent="signUp" title="Sign-up" canEdit={canEdit}>
          <SelectField
            label="Who can sign up"
            name="mode"
            options={SIGN_UP_OPTIONS}
            defaultValue={settings.signUpMode}
            error={signUp?.errors.mode}
            hint="Open: anyone can create an account. Invite-only: people with a pending organization invitation. Closed: only administrators create accounts."
          />
        </SettingsForm>

        <RetentionForm canEdit={canEdit} stored={settings.retention} failure={retention} />

        <div className="lg:col-span-2">
          <SignInProtectionForm
            canEdit={canEdit}
            stored={settings.signInProtection}
            firstFactors={settings.firstFactors}
            failure={protection}
          />
        </div>

        <div className="lg:col-span-2">
          <SettingsForm
            intent="smtp"
            title="Email delivery (SMTP)"
            canEdit={canEdit}
            description="The tenant's own mail server. Without one, mail goes through the deployment's SMTP_URL, or stays in the outbox when neither is set."
          >
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField
                label="SMTP host"
                name="host"
                defaultValue={smtp?.values?.host ?? settings.smtp.host}
                error={smtp?.errors.host}
                placeholder="smtp.example.com"
              />
              <FormField
                label="Port"
                name="port"
                inputMode="numeric"
                defaultValue={smtp?.values?.port ?? String(settings.smtp.port)}
                error={smtp?.errors.port}
              />
              <FormField
                label="SMTP user"
                name="user"
                autoComplete="off"
                defaultValue={smtp?.values?.user ?? settings.smtp.user}
                error={smtp?.errors.user}
              />
              <FormField
                label="From address"
                name="fromAddress"
                type="email"
                defaultValue={smtp?.values?.fromAddress ?? settings.smtp.fromAddress}
                error={smtp?.errors.fromAddress}
                placeholder="no-reply@example.com"
              />
              <SelectField
                label="Security"
                name="security"
                options={SMTP_SECURITY_OPTIONS}
                defaultValue={smtp?.values?.security ?? settings.smtp.security}
                error={smtp?.errors.security}
              />
              <div className="flex flex-col gap-1.5">
                <FormField
                  label="SMTP password"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  error={smtp?.errors.password}
                  hint={
                    settings.smtpPasswordSet ? "Type a new password to replace it; leave empty to keep it." : undefined
                  }
                />
                <p className="text-sm">
                  Password:{" "}
                  <Badge tone={settings.smtpPasswordSet ? "success" : "neutral"}>
                    {settings.smtpPasswordSet ? "set" : "not set"}
                  </Badge>
                </p>
              </div>
            </div>
          </SettingsForm>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
