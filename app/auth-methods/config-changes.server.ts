import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { TenantConfigInput } from "~/tenancy/config";
import type { Tenant } from "~/tenancy/tenants.server";

export type ConfigChange = { path: string; from: unknown; to: unknown };

/** Every leaf that differs between two configs, as `authMethods.teams.enabled: false → true`. */
export function configChanges(before: unknown, after: unknown, path = ""): ConfigChange[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => configChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, from: before, to: after }];
}

/**
 * Saves a console change to the tenant's config: bumps configVersion (every instance rebuilds
 * the tenant within a second), makes this instance see it at once, and audits what changed.
 */
export async function saveTenantConfig(
  access: ConsoleAccess,
  request: Request,
  next: TenantConfigInput,
): Promise<{ tenant: Tenant; changes: ConfigChange[] }> {
  const { tenants, registry, audit } = getPortico();
  const tenant = await tenants.updateConfig(access.tenant.slug, next);
  registry.invalidate(tenant.id);
  const changes = configChanges(access.tenant.config, tenant.config);
  if (changes.length > 0) {
    await audit.record({
      ...adminActor(access, request),
      type: "admin.config.updated",
      target: { type: "tenant", id: tenant.id, label: tenant.slug },
      data: { changes },
    });
  }
  return { tenant, changes };
}
