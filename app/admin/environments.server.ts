import type { TenantConfig } from "~/tenancy/config";
import type { Tenant, TenantService } from "~/tenancy/tenants.server";
import { compareThemes, copyPublishedTheme } from "~/theme/copy-theme.server";
import type { ThemeActor, ThemeService } from "~/theme/themes.server";
import { diffSettings, type SettingDifference } from "./setting-diff";

/** One setting that differs between two tenants' configs, e.g. `session.expiresIn: 604800 → 86400` (JSON values). */
export type ConfigDifference = SettingDifference;

/**
 * What changes in `target` if `source`'s config is copied into it: each differing setting with
 * the target's current value (`from`) and the source's (`to`), sorted by path.
 */
export function diffConfigs(source: TenantConfig, target: TenantConfig): ConfigDifference[] {
  return diffSettings(target, source);
}

export class PromotionError extends Error {}

/**
 * Copies `source`'s config into `target` (hostnames and secrets stay: they belong to the
 * target). TenantService.updateConfig bumps the target's configVersion, so its live instance
 * is rebuilt on the next request.
 */
export async function promoteConfig(
  tenants: TenantService,
  source: Tenant,
  target: Tenant,
): Promise<{ target: Tenant; changes: ConfigDifference[] }> {
  if (source.id === target.id) throw new PromotionError("Choose another tenant to promote to.");
  if (source.configError)
    throw new PromotionError(`This tenant's stored config is broken (${source.configError}); fix it before promoting.`);
  const changes = diffConfigs(source.config, target.config);
  const updated = changes.length > 0 ? await tenants.updateConfig(target.slug, source.config) : target;
  return { target: updated, changes };
}

type EnvironmentServices = { tenants: TenantService; themes: ThemeService };

/** What promoting `source` into `target` would change: settings, and whether the published look differs. */
export async function compareEnvironments({ themes }: EnvironmentServices, source: Tenant, target: Tenant) {
  return {
    differences: diffConfigs(source.config, target.config),
    theme: await compareThemes(themes, source, target),
  };
}

/**
 * Promotes `source` into `target`: its configuration (promoteConfig) and its published theme,
 * with the images it uses, as a new version of the target's. `actor` is who publishes there.
 */
export async function promoteEnvironment(
  { tenants, themes }: EnvironmentServices,
  source: Tenant,
  target: Tenant,
  actor: ThemeActor,
): Promise<{ target: Tenant; changes: ConfigDifference[]; themeVersion: number | null }> {
  const promoted = await promoteConfig(tenants, source, target);
  const themeVersion = await copyPublishedTheme(themes, source, target, actor);
  return { ...promoted, themeVersion };
}
