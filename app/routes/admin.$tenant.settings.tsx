import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { requireTenantRole, type ConsoleAccess } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
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
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
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

function useFailure(intent: string) {
  const result = useActionData<typeof action>();
  return result && !result.ok && result.intent === intent ? result : null;
}

/** One settings form: a card with its fields, disabled for viewers, and a save button. */
function SettingsForm({
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
  const failure = useFailure(intent);
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

function TextArea({
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
        className="rounded-theme border border-border bg-card px-3 py-2 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
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

type ProtectionFailure = ReturnType<typeof useFailure>;

/** Per-account throttling, enumeration protection and the first factors that ask for the second (docs/security.md). */
function SignInProtectionForm({
  canEdit,
  stored,
  firstFactors,
  failure,
}: {
  canEdit: boolean;
  stored: ReturnType<typeof useLoaderData<typeof loader>>["signInProtection"];
  firstFactors: { value: string; label: string }[];
  failure: ProtectionFailure;
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
      <div className="grid gap-4 sm:grid-cols-2">
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

const BOT_PROVIDER_OPTIONS = [
  { value: "off", label: "Off" },
  { value: "altcha", label: "ALTCHA (self-hosted proof of work)" },
  { value: "turnstile", label: "Cloudflare Turnstile" },
  { value: "hcaptcha", label: "hCaptcha" },
  { value: "recaptcha", label: "Google reCAPTCHA" },
];

const SMTP_SECURITY_OPTIONS = [
  { value: "starttls", label: "STARTTLS (usually port 587)" },
  { value: "tls", label: "TLS (usually port 465)" },
  { value: "none", label: "None (local relays only)" },
];

export default function TenantSettings() {
  const settings = useLoaderData<typeof loader>();
  const { canEdit } = settings;
  const rename = useFailure("rename");
  const hostnames = useFailure("hostnames");
  const origins = useFailure("trustedOrigins");
  const session = useFailure("session");
  const policy = useFailure("passwordPolicy");
  const signUp = useFailure("signUp");
  const bots = useFailure("botProtection");
  const smtp = useFailure("smtp");
  const retention = useFailure("retention");
  const protection = useFailure("signInProtection");
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
      <div key={settings.configVersion} className="grid gap-6 lg:grid-cols-2">
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

        <SettingsForm intent="trustedOrigins" title="Trusted origins" canEdit={canEdit}>
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
            defaultValue={bots?.values?.provider ?? settings.botProtection.provider}
            error={bots?.errors.provider}
          />
          <FormField
            label="Site key"
            name="siteKey"
            defaultValue={bots?.values?.siteKey ?? settings.botProtection.siteKey}
            error={bots?.errors.siteKey}
            hint="Turnstile, hCaptcha and reCAPTCHA only."
          />
          <FormField
            label="Secret key"
            name="secretKey"
            type="password"
            autoComplete="off"
            error={bots?.errors.secretKey}
            hint={
              settings.botSecretSet ? "Set. Type a new key to replace it." : "Turnstile, hCaptcha and reCAPTCHA only."
            }
          />
          <FormField
            label="Failed sign-ins before sign-in is checked too"
            name="signInAfterFailures"
            inputMode="numeric"
            defaultValue={bots?.values?.signInAfterFailures ?? String(settings.botProtection.signInAfterFailures)}
            error={bots?.errors.signInAfterFailures}
            hint="Counted per network address and per account over 15 minutes; 0 checks every sign-in."
          />
        </SettingsForm>

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

        <SettingsForm
          intent="retention"
          title="Data retention"
          canEdit={canEdit}
          description="Older history is deleted every hour, and each deletion is counted in the audit log (retention.pruned)."
        >
          <FormField
            label="Audit log (days)"
            name="auditLogDays"
            inputMode="numeric"
            defaultValue={retention?.values?.auditLogDays ?? String(settings.retention.auditLogDays)}
            error={retention?.errors.auditLogDays}
            hint="1 to 3650 days."
          />
          <FormField
            label="Sent emails, text messages and webhook deliveries (days)"
            name="deliveredMessagesDays"
            inputMode="numeric"
            defaultValue={retention?.values?.deliveredMessagesDays ?? String(settings.retention.deliveredMessagesDays)}
            error={retention?.errors.deliveredMessagesDays}
            hint="Messages still waiting to be sent are kept. 1 to 3650 days."
          />
        </SettingsForm>

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
            <div className="grid gap-4 sm:grid-cols-2">
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
