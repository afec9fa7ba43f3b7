import type { GenericEndpointContext } from "better-auth";
import { CLIENT_IP_HEADER, normalizeIp } from "~/http/client-ip";

/**
 * better-auth's `session.create.before` hook for the tenants' and the console's instances: the
 * session keeps the client's exact address. better-auth itself stores the address it keys rate
 * limits by, and for IPv6 that is the /64 network, written out in full: `::1` became
 * `0000:0000:0000:0000:0000:0000:0000:0000` on every user page (decision 0023). Rate limits
 * still group IPv6 clients by /64; only what is stored changes.
 */
export async function keepExactSessionAddress<T extends { ipAddress?: string | null }>(
  session: T,
  ctx: GenericEndpointContext | null | undefined,
): Promise<{ data: T } | undefined> {
  const header = ctx?.headers?.get(CLIENT_IP_HEADER) ?? ctx?.request?.headers.get(CLIENT_IP_HEADER);
  const address = normalizeIp(header);
  return address ? { data: { ...session, ipAddress: address } } : undefined;
}
