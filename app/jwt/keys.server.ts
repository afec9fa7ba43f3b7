import { decodeProtectedHeader } from "jose";
import type { LiveTenant } from "~/tenancy/registry.server";

export class JwtKeyError extends Error {}

type JwtApi = { signJWT(input: { body: { payload: Record<string, unknown> } }): Promise<{ token: string }> };

/**
 * Retires every signing key the tenant has and publishes a new one. Retired keys stop
 * signing at once but stay in the JWKS for the plugin's grace period (a token lifetime plus
 * a margin, see plugin.server.ts), so tokens they signed keep verifying until they expire.
 */
export async function rotateJwtKeys({ tenant, auth, db }: LiveTenant): Promise<{ kid: string; retired: number }> {
  if (!tenant.config.authMethods.jwt.enabled) {
    throw new JwtKeyError(`Tenant ${tenant.slug} does not issue JWTs: turn on “JWT and JWKS” first.`);
  }
  // A millisecond in the past: the plugin treats a key expiring "now" as still live.
  const retiredAt = new Date(Date.now() - 1);
  const { count } = await db.jwks.updateMany({
    where: { OR: [{ expiresAt: null }, { expiresAt: { gt: retiredAt } }] },
    data: { expiresAt: retiredAt },
  });
  // Signing once makes the plugin mint the new key now, so it is published before any
  // user's token needs it.
  const { token } = await (auth.api as unknown as JwtApi).signJWT({
    body: { payload: { sub: "portico:key-rotation" } },
  });
  return { kid: decodeProtectedHeader(token).kid ?? "", retired: count };
}
