import { getPortico } from "~/context.server";
import { TenantError } from "~/tenancy/tenants.server";
import { JwtKeyError, rotateJwtKeys } from "./keys.server";

/**
 * `npm run tenant -- rotate-jwt-keys <slug>`: rotates through the same registry the server
 * uses (the running server sees the new key on its next JWKS request: keys live in the
 * tenant's database). Problems are TenantErrors, which the CLI prints as one line.
 */
export async function rotateTenantJwtKeys(slug: string): Promise<{ kid: string; retired: number }> {
  const { registry, storage } = getPortico();
  try {
    const resolved = await registry.resolve({ slug });
    if (resolved.status === "not_found")
      throw new TenantError("tenant_not_found", `No tenant called "${slug}".`, "slug");
    if (resolved.status === "unavailable") throw new TenantError("tenant_not_found", resolved.message, "slug");
    return await rotateJwtKeys(resolved);
  } catch (error) {
    if (error instanceof JwtKeyError) throw new TenantError("invalid_input", error.message, "slug");
    throw error;
  } finally {
    await registry.close();
    await storage.close();
  }
}
