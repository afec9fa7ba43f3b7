import { z } from "zod";
import type { ConsoleAccess } from "~/admin/access.server";
import {
  AUTH_METHOD_IDS,
  AUTH_METHODS,
  authMethodSettingsSchema,
  isAuthMethodId,
  type AuthMethodDefinition,
  type AuthMethodId,
} from "~/auth-methods/catalog";
import { saveTenantConfig } from "~/auth-methods/config-changes.server";
import { saveAuthMethodSecrets } from "~/auth-methods/social/console.server";

/** The console's auth-methods actions: turn a method on or off, save its settings. */
export type AuthMethodActionResult =
  | { ok: true; message: string }
  | {
      ok: false;
      methodId: string;
      /** Why the whole action was refused (a dependency, an unknown method). */
      formError?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    };

const label = (id: AuthMethodId) => AUTH_METHODS[id].label;

function refused(methodId: string, formError: string): AuthMethodActionResult {
  return { ok: false, methodId, formError };
}

/** Why a method cannot change state now: a dependency is off, or a dependent is still on. */
export function dependencyRefusal(
  methods: Record<AuthMethodId, { enabled: boolean }>,
  id: AuthMethodId,
  enable: boolean,
): string | null {
  if (enable) {
    const missing = AUTH_METHODS[id].dependsOn.filter((dependency) => !methods[dependency].enabled);
    if (missing.length === 0) return null;
    return `Turn on ${missing.map(label).join(" and ")} first: ${label(id)} needs it.`;
  }
  const dependents = AUTH_METHOD_IDS.filter(
    (other) => methods[other].enabled && (AUTH_METHODS[other].dependsOn as readonly string[]).includes(id),
  );
  if (dependents.length === 0) return null;
  return `Turn off ${dependents.map(label).join(" and ")} first: ${dependents.length > 1 ? "they need" : "it needs"} ${label(id)}.`;
}

const ToggleSchema = z.object({
  method: z.string().max(64),
  enabled: z.enum(["true", "false"]),
});

export async function toggleAuthMethod(
  access: ConsoleAccess,
  request: Request,
  form: FormData,
): Promise<AuthMethodActionResult> {
  const parsed = ToggleSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refused("form", "Choose a method to turn on or off.");
  const { method: methodId } = parsed.data;
  if (!isAuthMethodId(methodId)) return refused(methodId, "There is no such method.");
  const enable = parsed.data.enabled === "true";
  const { config } = access.tenant;
  const refusal = dependencyRefusal(config.authMethods, methodId, enable);
  if (refusal) return refused(methodId, refusal);
  await saveTenantConfig(access, request, {
    ...config,
    authMethods: { ...config.authMethods, [methodId]: { ...config.authMethods[methodId], enabled: enable } },
  });
  return { ok: true, message: `${label(methodId)} turned ${enable ? "on" : "off"}.` };
}

/**
 * The form's values as the method's schema expects them: numbers, checkboxes as booleans, text
 * and choices as strings. Secret fields are not settings (saveAuthMethodSecrets stores them).
 */
function settingsInput(method: AuthMethodDefinition, form: FormData) {
  const input: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const field of method.fields) {
    if (field.kind === "secret") continue;
    const raw = form.get(field.name);
    const isText = field.kind === "text" || field.kind === "select";
    const text = typeof raw === "string" ? raw.slice(0, isText ? 2048 : 32) : "";
    values[field.name] = text;
    input[field.name] =
      field.kind === "boolean" ? text === "on" : isText ? text : text.trim() === "" ? Number.NaN : Number(text);
  }
  return { input, values };
}

export async function saveAuthMethodSettings(
  access: ConsoleAccess,
  request: Request,
  form: FormData,
): Promise<AuthMethodActionResult> {
  const methodId = form.get("method");
  if (!isAuthMethodId(methodId))
    return refused(
      typeof methodId === "string" ? methodId.slice(0, 64) : "form",
      "There is no such method to configure.",
    );
  const method = AUTH_METHODS[methodId] as AuthMethodDefinition;
  const { input, values } = settingsInput(method, form);
  const parsed = authMethodSettingsSchema(method).safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, methodId, fieldErrors, values };
  }
  const secretErrors = await saveAuthMethodSecrets(access, request, methodId, form);
  if (secretErrors) return { ok: false, methodId, fieldErrors: secretErrors, values };
  const { config } = access.tenant;
  await saveTenantConfig(access, request, {
    ...config,
    authMethods: { ...config.authMethods, [methodId]: { ...config.authMethods[methodId], ...parsed.data } },
  });
  return { ok: true, message: `${method.label} settings saved.` };
}
