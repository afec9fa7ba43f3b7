import { RateLimiterRes } from "rate-limiter-flexible";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { processRateLimits } from "~/rate-limit/process.server";

/**
 * SSO sign-ins one client address may start per minute in a tenant. Each start writes a login
 * request row (kept ten minutes), so anonymous starts are bounded like any other write; counted
 * in the deployment's shared rate-limit store.
 */
export const SSO_STARTS_PER_MINUTE = 30;
const MAX_KEYS_IN_MEMORY = 100_000;

export async function allowSsoStart(tenantId: string, request: Request): Promise<boolean> {
  const limiter = processRateLimits().limiter({
    keyPrefix: "sso-start",
    points: SSO_STARTS_PER_MINUTE,
    duration: 60,
    maxKeys: MAX_KEYS_IN_MEMORY,
  });
  try {
    await limiter.consume(`${tenantId}:${request.headers.get(CLIENT_IP_HEADER) ?? "unknown"}`);
    return true;
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) return false;
    throw rejected;
  }
}
