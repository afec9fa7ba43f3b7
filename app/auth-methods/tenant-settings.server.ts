import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { saveTenantConfig } from "~/auth-methods/config-changes.server";
import { getPortico } from "~/context.server";
import { BOT_PROTECTION_SECRET, SIGN_UP_MODES, TenantConfigSchema } from "~/tenancy/config";
import { HostnameSchema, TenantNameSchema } from "~/tenancy/slug";
import { TenantError } from "~/tenancy/tenants.server";

/**
 * The console's tenant settings: one function per form (name, hostnames, trusted origins,
 * sessions, password policy, sign-up mode, SMTP). Each validates with Zod, answers errors by
 * field, saves, and audits what changed. The SMTP password is a secret: it is stored
 * encrypted with the tenant's other secrets and never read back into a page.
 */
export type SettingsResult =
  | { ok: true; message: string }
  | { ok: false; intent: string; errors: Record<string, string>; values?: Record<string, string> };

export { SMTP_PASSWORD_SECRET } from "~/tenancy/config";
import { SMTP_PASSWORD_SECRET } from "~/tenancy/config";

type Form = FormData;

/** A text field, cut to a sane length so an over-long post cannot bloat an error echo. */
function text(form: Form, name: string, max = 10_000): string {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function failed(intent: string, error: z.ZodError, values?: Record<string, string>): SettingsResult {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, intent, errors, values };
}

/** List fields (one entry per line): the first bad line is named in the message. */
function failedList(intent: string, field: string, error: z.ZodError, value: string): SettingsResult {
  const issue = error.issues[0]!;
  const line = typeof issue.path[0] === "number" ? `Line ${issue.path[0] + 1}: ` : "";
  return { ok: false, intent, errors: { [field]: `${line}${issue.message}` }, values: { [field]: value } };
}

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN),
    z
      .number({ error: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max}.`),
  );

export async function renameTenant(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const name = text(form, "name", 200);
  const parsed = TenantNameSchema.safeParse(name);
  if (!parsed.success)
    return { ok: false, intent: "rename", errors: { name: parsed.error.issues[0]!.message }, values: { name } };
  const { tenants, registry, audit } = getPortico();
  const tenant = await tenants.rename(access.tenant.slug, parsed.data);
  registry.invalidate(tenant.id);
  await audit.record({
    ...adminActor(access, request),
    type: "admin.tenant.renamed",
    target: { type: "tenant", id: tenant.id, label: tenant.slug },
    data: { from: access.tenant.name, to: tenant.name },
  });
  return { ok: true, message: `Renamed to ${tenant.name}.` };
}

export async function saveHostnames(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const value = text(form, "hostnames");
  const parsed = z.array(HostnameSchema).max(20, "Use at most 20 hostnames.").safeParse(lines(value));
  if (!parsed.success) return failedList("hostnames", "hostnames", parsed.error, value);
  const { tenants, registry, audit } = getPortico();
  try {
    const tenant = await tenants.setHostnames(access.tenant.slug, parsed.data);
    registry.invalidate(tenant.id);
    await audit.record({
      ...adminActor(access, request),
      type: "admin.hostnames.updated",
      target: { type: "tenant", id: tenant.id, label: tenant.slug },
      data: { from: access.tenant.hostnames, to: tenant.hostnames },
    });
  } catch (error) {
    if (error instanceof TenantError)
      return { ok: false, intent: "hostnames", errors: { hostnames: error.message }, values: { hostnames: value } };
    throw error;
  }
  return { ok: true, message: "Hostnames saved." };
}

export async function saveTrustedOrigins(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const value = text(form, "trustedOrigins");
  const schema = TenantConfigSchema.shape.trustedOrigins.unwrap().max(50, "Use at most 50 trusted origins.");
  const parsed = schema.safeParse(lines(value).map((origin) => origin.replace(/\/$/, "")));
  if (!parsed.success) return failedList("trustedOrigins", "trustedOrigins", parsed.error, value);
  const { config } = access.tenant;
  const origins = [...new Set(parsed.data)];
  const added = origins.filter((origin) => !config.trustedOrigins.includes(origin));
  // The widgets' default token mode needs bearer tokens: adding an origin is the one step the
  // README asks for, so it turns them on too (decision 0021). The config change is audited
  // with both paths, and the toast says what else changed.
  const turnOnBearer = added.length > 0 && !config.authMethods.bearer.enabled;
  const authMethods = turnOnBearer
    ? { ...config.authMethods, bearer: { ...config.authMethods.bearer, enabled: true } }
    : config.authMethods;
  await saveTenantConfig(access, request, { ...config, trustedOrigins: origins, authMethods });
  return {
    ok: true,
    message: turnOnBearer
      ? "Trusted origins saved. Bearer tokens are now on (Auth methods → Tokens & sessions), so the widgets on these origins can sign users in."
      : "Trusted origins saved.",
  };
}

const SessionForm = z
  .object({
    expiresInHours: wholeNumber("Session lifetime", 1, 24 * 365),
    updateAgeHours: wholeNumber("Refresh interval", 1, 24 * 30),
  })
  .refine((session) => session.updateAgeHours < session.expiresInHours, {
    path: ["updateAgeHours"],
    message: "Refresh interval must be shorter than the session lifetime.",
  });

export async function saveSessionSettings(
  access: ConsoleAccess,
  request: Request,
  form: Form,
): Promise<SettingsResult> {
  const values = { expiresInHours: text(form, "expiresInHours", 20), updateAgeHours: text(form, "updateAgeHours", 20) };
  const parsed = SessionForm.safeParse(values);
  if (!parsed.success) return failed("session", parsed.error, values);
  const session = { expiresIn: parsed.data.expiresInHours * 3600, updateAge: parsed.data.updateAgeHours * 3600 };
  await saveTenantConfig(access, request, { ...access.tenant.config, session });
  return { ok: true, message: "Session settings saved." };
}

export async function savePasswordPolicy(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const { config } = access.tenant;
  const { maxPasswordLength } = config.authMethods.emailPassword;
  const values = { minPasswordLength: text(form, "minPasswordLength", 20), minStrength: text(form, "minStrength", 20) };
  const parsed = z
    .object({
      minPasswordLength: wholeNumber("Minimum length", 8, Math.min(128, maxPasswordLength)),
      minStrength: wholeNumber("Minimum strength", 0, 4),
    })
    .safeParse(values);
  if (!parsed.success) return failed("passwordPolicy", parsed.error, values);
  await saveTenantConfig(access, request, {
    ...config,
    authMethods: {
      ...config.authMethods,
      emailPassword: { ...config.authMethods.emailPassword, minPasswordLength: parsed.data.minPasswordLength },
    },
    passwordPolicy: {
      rejectCommonPasswords: form.get("rejectCommonPasswords") === "on",
      minStrength: parsed.data.minStrength,
      rejectBreachedPasswords: form.get("rejectBreachedPasswords") === "on",
    },
  });
  return { ok: true, message: "Password policy saved." };
}

const BotProtectionForm = TenantConfigSchema.shape.botProtection.unwrap().extend({
  signInAfterFailures: wholeNumber("Failed sign-ins", 0, 100),
  secretKey: z.string().trim().max(500, "Use at most 500 characters."),
});

/** Bot protection (app/bot-protection): the provider, its site key and write-only secret key. */
export async function saveBotProtection(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const values = {
    provider: text(form, "provider", 20),
    siteKey: text(form, "siteKey", 300),
    signInAfterFailures: text(form, "signInAfterFailures", 20),
  };
  const parsed = BotProtectionForm.safeParse({ ...values, secretKey: text(form, "secretKey", 1000) });
  if (!parsed.success) return failed("botProtection", parsed.error, values);
  const { secretKey, ...botProtection } = parsed.data;
  const thirdParty = botProtection.provider !== "off" && botProtection.provider !== "altcha";
  if (thirdParty && !botProtection.siteKey)
    return { ok: false, intent: "botProtection", errors: { siteKey: "Enter the provider's site key." }, values };
  if (thirdParty && !secretKey && !(await isSecretSet(access.tenant.id, BOT_PROTECTION_SECRET)))
    return { ok: false, intent: "botProtection", errors: { secretKey: "Enter the provider's secret key." }, values };
  if (secretKey) {
    await getPortico().tenants.setSecret(access.tenant.slug, BOT_PROTECTION_SECRET, secretKey);
    await getPortico().audit.record({
      ...adminActor(access, request),
      type: "admin.secret.updated",
      target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
      data: { secret: BOT_PROTECTION_SECRET },
    });
  }
  await saveTenantConfig(access, request, { ...access.tenant.config, botProtection });
  return { ok: true, message: "Bot protection saved." };
}

export async function saveSignUpMode(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const parsed = z
    .object({ mode: z.enum(SIGN_UP_MODES, { error: "Choose open, invite-only or closed." }) })
    .safeParse({ mode: text(form, "mode", 20) });
  if (!parsed.success) return failed("signUp", parsed.error);
  await saveTenantConfig(access, request, { ...access.tenant.config, signUp: { mode: parsed.data.mode } });
  return { ok: true, message: `Sign-up is now ${parsed.data.mode}.` };
}

const SmtpForm = TenantConfigSchema.shape.smtp.unwrap().extend({
  port: wholeNumber("Port", 1, 65535),
  password: z.string().max(256, "Use at most 256 characters."),
});

export async function saveSmtpSettings(access: ConsoleAccess, request: Request, form: Form): Promise<SettingsResult> {
  const values = {
    host: text(form, "host", 300),
    port: text(form, "port", 20),
    user: text(form, "user", 300),
    fromAddress: text(form, "fromAddress", 300).trim(),
    security: text(form, "security", 20),
  };
  // The password is never echoed back, not even after a validation error.
  const parsed = SmtpForm.safeParse({ ...values, password: text(form, "password", 1000) });
  if (!parsed.success) return failed("smtp", parsed.error, values);
  const { password, ...smtp } = parsed.data;
  const { tenants, audit } = getPortico();
  if (password) {
    await tenants.setSecret(access.tenant.slug, SMTP_PASSWORD_SECRET, password);
    await audit.record({
      ...adminActor(access, request),
      type: "admin.secret.updated",
      target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
      data: { secret: SMTP_PASSWORD_SECRET },
    });
  }
  await saveTenantConfig(access, request, { ...access.tenant.config, smtp });
  return { ok: true, message: password ? "SMTP settings and password saved." : "SMTP settings saved." };
}

/** Whether a secret is stored, for "set"/"not set"; the value itself never leaves the server. */
export async function isSecretSet(tenantId: string, name: string): Promise<boolean> {
  const secrets = await getPortico().tenants.getSecrets(tenantId);
  return typeof secrets[name] === "string" && secrets[name] !== "";
}
