import type { Tenant, TenantName } from "./tenants.server";

export type TenantKey = { slug: string } | { hostname: string } | { id: string };

/**
 * Every tenant's names (slug, hostnames) and configVersion, held in memory while a change feed
 * keeps it current: a request for a name no tenant has is answered without a control-plane
 * query, however many made-up names arrive, and a cached tenant record is known to be current
 * by comparing versions. Memory grows with the number of tenants (about 200 bytes each), not
 * with what clients send.
 */
export class TenantDirectory {
  #byId = new Map<string, TenantName>();
  #bySlug = new Map<string, string>();
  #byHostname = new Map<string, string>();
  #loadedAt: number | null = null;
  /** Tenants refreshed while a full load was running: the load's snapshot may predate them. */
  #refreshedDuringLoad: Set<string> | null = null;

  constructor(
    private readonly source: {
      names(): Promise<TenantName[]>;
      getById(id: string): Promise<Tenant | null>;
    },
  ) {}

  /** When the last full load finished; null while the directory is not to be trusted. */
  get loadedAt(): number | null {
    return this.#loadedAt;
  }

  /** The id of the tenant a key names, or null when no tenant has that name. */
  idFor(key: TenantKey): string | null {
    if ("slug" in key) return this.#bySlug.get(key.slug) ?? null;
    if ("hostname" in key) return this.#byHostname.get(key.hostname.toLowerCase()) ?? null;
    return this.#byId.has(key.id) ? key.id : null;
  }

  versionOf(id: string): number | undefined {
    return this.#byId.get(id)?.configVersion;
  }

  /** Reads every tenant's names in one go: the first load, and the safety net after a reconnect. */
  async reload(): Promise<void> {
    this.#refreshedDuringLoad = new Set();
    let refreshed: Set<string>;
    try {
      const names = await this.source.names();
      refreshed = this.#refreshedDuringLoad;
      this.#byId = new Map();
      this.#bySlug = new Map();
      this.#byHostname = new Map();
      for (const name of names) this.#put(name);
    } finally {
      this.#refreshedDuringLoad = null;
    }
    this.#loadedAt = Date.now();
    await Promise.all([...refreshed].map((id) => this.refresh(id)));
  }

  /** Re-reads one tenant after a change; returns its record (null once deleted). */
  async refresh(id: string): Promise<Tenant | null> {
    this.#refreshedDuringLoad?.add(id);
    const tenant = await this.source.getById(id);
    const known = this.#byId.get(id);
    // Two refreshes of one tenant can finish out of order; versions only go up.
    if (tenant && known && known.configVersion > tenant.configVersion) return tenant;
    this.#remove(id);
    if (tenant) this.#put(tenant);
    return tenant;
  }

  /** Stops answering from memory (the feed dropped) until the next reload. */
  forget(): void {
    this.#loadedAt = null;
  }

  #put({ id, slug, hostnames, configVersion }: TenantName) {
    this.#byId.set(id, { id, slug, hostnames, configVersion });
    this.#bySlug.set(slug, id);
    for (const hostname of hostnames) this.#byHostname.set(hostname, id);
  }

  #remove(id: string) {
    const known = this.#byId.get(id);
    if (!known) return;
    this.#byId.delete(id);
    if (this.#bySlug.get(known.slug) === id) this.#bySlug.delete(known.slug);
    for (const hostname of known.hostnames) {
      if (this.#byHostname.get(hostname) === id) this.#byHostname.delete(hostname);
    }
  }
}
