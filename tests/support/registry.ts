import type { Storage } from "~/db/storage.server";
import { TenantRegistry, type RegistryOptions } from "~/tenancy/registry.server";
import type { TenantService } from "~/tenancy/tenants.server";

/**
 * A registry as integration tests want it: no lookup cache (a config change in the test is
 * seen by the next request) and connections closed at once, so storage can be reset.
 */
export function testRegistry(
  tenants: TenantService,
  storage: Storage,
  publicUrl: string,
  options: Partial<RegistryOptions> = {},
): TenantRegistry {
  return new TenantRegistry({
    tenants,
    storage,
    publicUrl: new URL(publicUrl),
    maxHotTenants: 10,
    lookupTtlMs: 0,
    closeGraceMs: 0,
    ...options,
  });
}
