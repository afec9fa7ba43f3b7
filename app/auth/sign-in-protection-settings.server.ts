import { z } from "zod";
import type { ConsoleAccess } from "~/admin/access.server";
import { saveTenantConfig } from "~/auth-methods/config-changes.server";
import type { SettingsResult } from "~/auth-methods/tenant-settings.server";
import { FIRST_FACTORS, type FirstFactor, type TenantConfig } from "~/tenancy/config";

/**
 * The console's "Sign-in protection" form (admin.$tenant.settings): the per-account throttle's
 * thresholds, account-enumeration protection, and which first factors ask for the second.
 * Saved like the other settings forms (validated by field, audited by saveTenantConfig).
 */
export const FIRST_FACTOR_LABELS: Readonly<Record<FirstFactor, string>> = {
  password: "Password",
  magicLink: "Magic link",
  emailOtp: "Email code",
  social: "Social and OpenID Connect providers",
  phone: "Text message code",
  passkey: "Passkey",
};

export function signInProtectionValues(config: TenantConfig) {
  const { accountThrottle, enumerationProtection, secondFactorFor } = config.signInProtection;
  return { ...accountThrottle, enumerationProtection, secondFactorFor };
}

const count = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN),
    z
      .number({ error: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max}.`),
  );

const ThrottleForm = z.object({
  freeAttempts: count("Free attempts", 1, 100),
  maxDelaySeconds: count("Longest delay", 1, 86_400),
  lockAfter: count("Pause password sign-in after", 5, 100_000),
  noticeAfter: count("Email the user after", 1, 100_000),
});

export async function saveSignInProtection(
  access: ConsoleAccess,
  request: Request,
  form: FormData,
): Promise<SettingsResult> {
  const values = Object.fromEntries(
    Object.keys(ThrottleForm.shape).map((name) => [name, String(form.get(name) ?? "").slice(0, 20)]),
  );
  const parsed = ThrottleForm.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, intent: "signInProtection", errors, values };
  }
  const chosen = form.getAll("secondFactorFor").map(String);
  const secondFactorFor = FIRST_FACTORS.filter((factor) => chosen.includes(factor));
  const { config } = access.tenant;
  await saveTenantConfig(access, request, {
    ...config,
    signInProtection: {
      accountThrottle: parsed.data,
      enumerationProtection: form.get("enumerationProtection") === "on",
      secondFactorFor,
    },
  });
  return { ok: true, message: "Sign-in protection saved." };
}
