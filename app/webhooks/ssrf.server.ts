import { lookup as lookupCallback, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
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
  "This URL points to a private, loopback, link-local or metadata address, which webhooks may not reach. " +
  "To deliver to a receiver on your own network, the deployment's operator sets PORTICO_WEBHOOKS_ALLOW_PRIVATE=true.";

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

/**
 * The DNS lookup the delivery connection itself uses: it refuses the same addresses as
 * refuseWebhookTarget, on the answer the socket then connects to. Checking once and letting
 * the HTTP client resolve again would let a name that changes its answer in between (DNS
 * rebinding) slip a private address through.
 */
export const checkedLookup: LookupFunction = (hostname, options, callback) => {
  lookupCallback(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const allowed = allowPrivateWebhookTargets()
      ? addresses
      : addresses.filter((entry) => isPublicAddress(entry.address));
    if (allowed.length === 0 || allowed.length !== addresses.length) {
      return callback(Object.assign(new Error(SSRF_REFUSAL), { code: "EPORTICO_SSRF" }), "", 0);
    }
    if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};
