import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * What a tenant's custom domain needs in DNS, and whether it already points at this
 * deployment. The deployment is reached at PUBLIC_URL's host, so a custom domain is right when
 * it resolves to the same addresses as that host (its reverse proxy or load balancer).
 */
export type DnsRecord = { type: "CNAME" | "A" | "AAAA"; name: string; value: string };

export type DomainStatus =
  | { state: "resolves-here"; addresses: string[] }
  | { state: "points-elsewhere"; addresses: string[] }
  | { state: "does-not-resolve" }
  | { state: "unknown"; reason: string };

export type DomainCheck = { hostname: string; records: DnsRecord[]; status: DomainStatus };

type Resolve = (hostname: string) => Promise<string[]>;

const LOOKUP_TIMEOUT_MS = 3_000;

const LOOPBACK = ["127.0.0.1", "::1"];

/**
 * The addresses a name resolves to, as this server's resolver (hosts file, then DNS) sees it.
 * `*.localhost` is loopback by definition (RFC 6761), as browsers treat it, whatever the
 * system resolver says. An empty list means the name does not resolve.
 */
export const systemResolve: Resolve = async (hostname) => {
  if (isIP(hostname)) return [hostname];
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return LOOPBACK;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), LOOKUP_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true }), timeout]);
    return [...new Set(found.map((entry) => entry.address))];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOTFOUND" || code === "ENODATA" || code === "EAI_NONAME") return [];
    throw error;
  } finally {
    clearTimeout(timer);
  }
};

/** An apex (example.com) cannot hold a CNAME. Two labels is the common case; co.uk-style apexes look deeper. */
function looksLikeApex(hostname: string): boolean {
  return hostname.split(".").length === 2;
}

/**
 * The records to create: a CNAME to the public host, or A/AAAA records to its addresses when
 * the public host is an IP address or the custom domain is an apex.
 */
export function recordsFor(hostname: string, publicHost: string, publicAddresses: string[]): DnsRecord[] {
  const byAddress = isIP(publicHost) ? [publicHost] : looksLikeApex(hostname) ? publicAddresses : [];
  if (byAddress.length === 0) return [{ type: "CNAME", name: hostname, value: publicHost }];
  return byAddress.map((address) => ({ type: isIP(address) === 6 ? "AAAA" : "A", name: hostname, value: address }));
}

/** Where a hostname resolves compared with the deployment's own addresses. */
function statusOf(addresses: string[] | Error, publicAddresses: string[] | Error): DomainStatus {
  if (publicAddresses instanceof Error)
    return { state: "unknown", reason: `the public host could not be looked up (${publicAddresses.message})` };
  if (publicAddresses.length === 0) return { state: "unknown", reason: "the public host does not resolve here" };
  if (addresses instanceof Error) return { state: "unknown", reason: `the lookup failed (${addresses.message})` };
  if (addresses.length === 0) return { state: "does-not-resolve" };
  const ours = new Set(publicAddresses);
  return addresses.every((address) => ours.has(address))
    ? { state: "resolves-here", addresses }
    : { state: "points-elsewhere", addresses: addresses.filter((address) => !ours.has(address)) };
}

const settle = (promise: Promise<string[]>) =>
  promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

/** Checks every hostname of a tenant against the public host, in parallel. */
export async function checkDomains(
  hostnames: string[],
  publicHost: string,
  resolve: Resolve = systemResolve,
): Promise<DomainCheck[]> {
  const publicAddresses = await settle(resolve(publicHost));
  const known = publicAddresses instanceof Error ? [] : publicAddresses;
  return Promise.all(
    hostnames.map(async (hostname) => ({
      hostname,
      records: recordsFor(hostname, publicHost, known),
      status: statusOf(await settle(resolve(hostname)), publicAddresses),
    })),
  );
}
