import {
  AUTH_METHOD_IDS,
  AUTH_METHODS,
  type AuthMethodCategory,
  type AuthMethodId,
  type PublicAuthMethodSettings,
} from "~/auth-methods/catalog";
import type { SignUpMode, TenantConfig } from "~/tenancy/config";

/**
 * What anyone may know about a tenant's sign-in: `GET /t/<slug>/config.json`. The hosted
 * pages and the widgets render only what is on here. It holds no secrets: only the settings
 * each catalog entry lists as public are copied, by name.
 */
export type PublicTenantConfig = {
  tenant: { slug: string; name: string };
  signUp: { mode: SignUpMode };
  passwordPolicy: { minLength: number; maxLength: number; rejectCommonPasswords: boolean };
  /** The enabled methods only, each with its public settings. */
  authMethods: { [Id in AuthMethodId]?: { category: AuthMethodCategory; settings: PublicAuthMethodSettings<Id> } };
};

export function publicTenantConfig(tenant: { slug: string; name: string; config: TenantConfig }): PublicTenantConfig {
  const { config } = tenant;
  const authMethods: Record<string, { category: AuthMethodCategory; settings: Record<string, unknown> }> = {};
  for (const id of AUTH_METHOD_IDS) {
    const stored = config.authMethods[id] as Record<string, unknown> & { enabled: boolean };
    if (!stored.enabled) continue;
    const method = AUTH_METHODS[id];
    const names: readonly string[] = method.publicSettings;
    authMethods[id] = {
      category: method.category,
      settings: Object.fromEntries(names.map((name) => [name, stored[name]])),
    };
  }
  const { minPasswordLength, maxPasswordLength } = config.authMethods.emailPassword;
  return {
    tenant: { slug: tenant.slug, name: tenant.name },
    signUp: { mode: config.signUp.mode },
    passwordPolicy: {
      minLength: minPasswordLength,
      maxLength: maxPasswordLength,
      rejectCommonPasswords: config.passwordPolicy.rejectCommonPasswords,
    },
    authMethods: authMethods as PublicTenantConfig["authMethods"],
  };
}
