import { z } from "zod";
import type { ConsoleAccess } from "~/admin/access.server";
import type { SettingsResult } from "~/auth-methods/tenant-settings.server";
import { saveTenantConfig } from "~/auth-methods/config-changes.server";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "~/tenancy/config";

const days = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN),
    z
      .number({ error: `${label} must be a whole number of days.` })
      .int(`${label} must be a whole number of days.`)
      .min(RETENTION_MIN_DAYS, `${label} must be at least ${RETENTION_MIN_DAYS} day.`)
      .max(RETENTION_MAX_DAYS, `${label} must be at most ${RETENTION_MAX_DAYS} days.`),
  );

const RetentionForm = z.object({
  auditLogDays: days("Audit log retention"),
  deliveredMessagesDays: days("Message retention"),
});

/** The console's "Data retention" form: both windows in days, saved and audited as a config change. */
export async function saveRetentionSettings(
  access: ConsoleAccess,
  request: Request,
  form: FormData,
): Promise<SettingsResult> {
  const field = (name: string) => String(form.get(name) ?? "").slice(0, 20);
  const values = { auditLogDays: field("auditLogDays"), deliveredMessagesDays: field("deliveredMessagesDays") };
  const parsed = RetentionForm.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, intent: "retention", errors, values };
  }
  await saveTenantConfig(access, request, { ...access.tenant.config, retention: parsed.data });
  return { ok: true, message: "Retention settings saved." };
}
