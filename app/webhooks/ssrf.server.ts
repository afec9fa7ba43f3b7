import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * PORTICO_WEBHOOKS_ALLOW_PRIVATE=true lets endpoints point at loopback, private, link-local
 * and metadata addresses (and use plain http). Meant for tests and trusted private networks:
 * without it a tenant admin could make the server probe its own network.
 */
export function allowPrivateWebhookTargets(): boolean {
  return process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE === "true";
}

/** Only "unicast" is a public internet address; ipaddr.js names every reserved range. */
function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 reaches 10.0.0.1, so IPv4-mapped addresses are judged as IPv4.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === "unicast";
}

export const SSRF_REFUSAL =
  "This URL points to a private, loopback, link-local or metadata address, which webhooks may not reach.";

/**
 * Null when the URL's host may receive webhooks, otherwise why not. Every address the name
 * resolves to is checked, both when an endpoint is saved and before each delivery, because
 * DNS answers can change in between.
 */
export async function refuseWebhookTarget(url: URL): Promise<string | null> {
  if (allowPrivateWebhookTargets()) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `The host ${host} could not be resolved.`;
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) return SSRF_REFUSAL;
  return null;
}
