import { getEnv, type Env } from "~/config/env.server";
import { getStorage } from "~/db/index.server";
import type { Storage } from "~/db/storage.server";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";

/** The process-wide services every route uses, built once on first use. */
export type Portico = { env: Env; storage: Storage; tenants: TenantService; registry: TenantRegistry };

let portico: Portico | undefined;

export function getPortico(): Portico {
  if (!portico) {
    const env = getEnv();
    const storage = getStorage();
    const tenants = new TenantService(storage, env.secret);
    const registry = new TenantRegistry({
      tenants,
      storage,
      publicUrl: env.publicUrl,
      maxHotTenants: env.maxHotTenants,
    });
    portico = { env, storage, tenants, registry };
  }
  return portico;
}

export const DEMO_TENANT_SLUG = "demo";

/**
 * Runs before the server accepts requests: migrates the control plane and, on a fresh
 * deployment, creates the demo tenant so the quickstart has something to sign in to.
 */
export async function bootstrap(): Promise<{ createdDemo: boolean }> {
  const { env, storage, tenants } = getPortico();
  await storage.control();
  let createdDemo = false;
  if (env.createDemoTenant && (await tenants.list()).length === 0) {
    await tenants.create({ slug: DEMO_TENANT_SLUG, name: "Demo" });
    createdDemo = true;
  }
  return { createdDemo };
}
