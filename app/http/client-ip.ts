import ipaddr from "ipaddr.js";

/**
 * The request header server.ts sets to the client's address (taken from trusted proxies only,
 * and overwriting whatever a client sent), read by better-auth's rate limits and the audit log.
 * Its value is already normalised (see normalizeIp).
 */
export const CLIENT_IP_HEADER = "x-portico-client-ip";

/**
 * An address as people read it: IPv4-mapped IPv6 (`::ffff:127.0.0.1`, what a dual-stack socket
 * reports for IPv4 clients) becomes IPv4, IPv6 gets its canonical compressed form (RFC 5952,
 * `2001:db8::1`). Rows written before decision 0023 hold better-auth's expanded, /64-masked form;
 * the all-zero address among them carries nothing and reads as null (unknown). Anything that is
 * not an address is returned as it was.
 */
export function normalizeIp(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!ipaddr.isValid(value)) return value;
  let address = ipaddr.parse(value);
  if (address.kind() === "ipv6") {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) address = v6.toIPv4Address();
    else if (v6.range() === "unspecified") return null;
    else return v6.toRFC5952String();
  }
  return address.toString();
}
