import { randomBytes, randomUUID } from "node:crypto";
import { Resolver } from "node:dns/promises";
import type { Storage } from "~/db/storage.server";

/**
 * Email domains an organization proves it owns with a DNS TXT record, as a tenant's custom
 * domains are checked (app/tenancy/domain-check.server.ts). A verified domain sends its people
 * to the organization's identity provider (home-realm discovery) and lets that IdP sign in
 * accounts of the domain that already exist.
 */
export type SsoDomain = {
  domain: string;
  /** The record to create: `TXT <recordName> "<recordValue>"`. */
  recordName: string;
  recordValue: string;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
};

export type TxtLookup = (name: string) => Promise<string[]>;

const RECORD_PREFIX = "_portico-verification";
const VALUE_PREFIX = "portico-verification=";
const LOOKUP_TIMEOUT_MS = 3_000;
/** How many domains one organization may claim. */
export const MAX_DOMAINS_PER_ORGANIZATION = 20;

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domain in lower case, or null when it is not a domain name. */
export function normalizeDomain(raw: string): string | null {
  const domain = raw.trim().toLowerCase().replace(/\.$/, "");
  return DOMAIN.test(domain) ? domain : null;
}

/**
 * TXT records through the system's DNS servers, or PORTICO_DNS_SERVER (`host:port`) when set
 * (tests point it at their own DNS server).
 */
export const systemTxtLookup: TxtLookup = async (name) => {
  const resolver = new Resolver({ timeout: LOOKUP_TIMEOUT_MS, tries: 1 });
  if (process.env.PORTICO_DNS_SERVER) resolver.setServers([process.env.PORTICO_DNS_SERVER]);
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOTFOUND" || code === "ENODATA") return [];
    throw error;
  }
};

type Row = { domain: string; verificationToken: string; verifiedAt: Date | null; lastCheckedAt: Date | null };

const toDomain = (row: Row): SsoDomain => ({
  domain: row.domain,
  recordName: `${RECORD_PREFIX}.${row.domain}`,
  recordValue: `${VALUE_PREFIX}${row.verificationToken}`,
  verifiedAt: row.verifiedAt,
  lastCheckedAt: row.lastCheckedAt,
});

export type AddDomainResult =
  { ok: true; domain: SsoDomain } | { ok: false; code: "invalid" | "taken" | "too_many"; message: string };

export class SsoDomains {
  constructor(
    private readonly storage: Storage,
    private readonly lookupTxt: TxtLookup = systemTxtLookup,
  ) {}

  async list(tenantId: string, organizationId: string): Promise<SsoDomain[]> {
    const db = await this.storage.control();
    const rows = await db.ssoDomain.findMany({ where: { tenantId, organizationId }, orderBy: { domain: "asc" } });
    return rows.map(toDomain);
  }

  /** Claims a domain for the organization; it routes nobody until verified. */
  async add(tenantId: string, organizationId: string, raw: string): Promise<AddDomainResult> {
    const domain = normalizeDomain(raw);
    if (!domain) return { ok: false, code: "invalid", message: "domain must be a domain name such as acme.com." };
    const db = await this.storage.control();
    const existing = await db.ssoDomain.findUnique({ where: { tenantId_domain: { tenantId, domain } } });
    if (existing)
      return existing.organizationId === organizationId
        ? { ok: true, domain: toDomain(existing) }
        : { ok: false, code: "taken", message: `domain: ${domain} is already claimed by another organization.` };
    if ((await db.ssoDomain.count({ where: { tenantId, organizationId } })) >= MAX_DOMAINS_PER_ORGANIZATION)
      return {
        ok: false,
        code: "too_many",
        message: `domain: an organization may claim at most ${MAX_DOMAINS_PER_ORGANIZATION} domains.`,
      };
    const row = await db.ssoDomain.create({
      data: { id: randomUUID(), tenantId, organizationId, domain, verificationToken: randomBytes(16).toString("hex") },
    });
    return { ok: true, domain: toDomain(row) };
  }

  async remove(tenantId: string, organizationId: string, raw: string): Promise<boolean> {
    const domain = normalizeDomain(raw);
    if (!domain) return false;
    const db = await this.storage.control();
    const { count } = await db.ssoDomain.deleteMany({ where: { tenantId, organizationId, domain } });
    return count > 0;
  }

  /**
   * Looks the TXT record up now. A domain stays verified while its record is there; once the
   * record is gone, the next check takes verification back.
   */
  async verify(tenantId: string, organizationId: string, raw: string): Promise<SsoDomain | null> {
    const domain = normalizeDomain(raw);
    if (!domain) return null;
    const db = await this.storage.control();
    const row = await db.ssoDomain.findUnique({ where: { tenantId_domain: { tenantId, domain } } });
    if (!row || row.organizationId !== organizationId) return null;
    const expected = toDomain(row);
    const records = await this.lookupTxt(expected.recordName).catch(() => null);
    const now = new Date();
    // A failed lookup (timeout, SERVFAIL) says nothing: the domain keeps its state.
    const verifiedAt =
      records === null ? row.verifiedAt : records.includes(expected.recordValue) ? (row.verifiedAt ?? now) : null;
    const updated = await db.ssoDomain.update({ where: { id: row.id }, data: { verifiedAt, lastCheckedAt: now } });
    return toDomain(updated);
  }

  /** The organization whose verified domain this is, or null. */
  async organizationFor(tenantId: string, raw: string): Promise<string | null> {
    const domain = normalizeDomain(raw);
    if (!domain) return null;
    const db = await this.storage.control();
    const row = await db.ssoDomain.findUnique({ where: { tenantId_domain: { tenantId, domain } } });
    return row?.verifiedAt ? row.organizationId : null;
  }
}
