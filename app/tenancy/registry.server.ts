import { createTenantRateLimitStore, type RateLimitStore } from "~/auth/rate-limit.server";
import { createTenantAuth, type TenantAuth } from "~/auth/tenant-auth.server";
import type { TenantAuthEvent } from "~/auth/auth-events";
import { TenantEventOutbox } from "~/events/tenant-outbox.server";
import type { TenantDb } from "~/db/clients.server";
import type { Storage, TenantConnection } from "~/db/storage.server";
import type { SignInHistory } from "~/email/auth-emails.server";
import type { TenantEmail } from "~/email/templates.server";
import type { Locale } from "~/i18n/locales";
import { LRUCache } from "lru-cache";
import { tenantBuildDuration, tenantsLoaded } from "~/ops/metrics.server";
import { admitTenant } from "~/ops/tenant-labels.server";
import { InProcessChangeFeed, type ChangeFeed, type TenantChange } from "./change-feed.server";
import { HostnameSchema, SlugSchema } from "./slug";
import { TenantDirectory, type TenantKey } from "./tenant-directory.server";
import type { Tenant, TenantService } from "./tenants.server";
import { errorField, log } from "~/ops/log.server";
import type { LanguageSignals } from "~/theme/locale";

export type { TenantKey };

/** A tenant ready to serve: its record, its better-auth instance and its database client. */
export type LiveTenant = { tenant: Tenant; auth: TenantAuth; db: TenantDb };

export type ResolvedTenant =
  | ({ status: "ok" } & LiveTenant)
  | { status: "not_found" }
  | { status: "unavailable"; tenant: Tenant; message: string };

type HotEntry = LiveTenant & { configVersion: number; connection: TenantConnection; events: TenantEventOutbox };

export type RegistryOptions = {
  tenants: TenantService;
  storage: Storage;
  publicUrl: URL;
  maxHotTenants: number;
  /**
   * How long a lookup of a tenant record is reused before the control plane is asked again,
   * while no live change feed tells this instance about changes made elsewhere.
   */
  lookupTtlMs?: number;
  /** Where tenant changes arrive from every instance; without one, only this process's. */
  changes?: ChangeFeed;
  /** With a live feed, how long a record (and the directory) is trusted without any message. */
  safetyTtlMs?: number;
  /** How many tenant records, and separately how many misses, the lookup cache holds. */
  maxCachedLookups?: number;
  /** How long a tenant that failed to build is answered with 503 before trying again. */
  failureTtlMs?: number;
  /** Requests still running on a replaced or evicted instance get this long to finish. */
  closeGraceMs?: number;
  /** Receives every tenant's auth events (the audit log subscribes). */
  onAuthEvent?: (tenant: Tenant, event: TenantAuthEvent) => void;
  /**
   * Publishes an event of a change in a tenant's database under its own id (the audit log
   * with its webhook message); without one, such events go to `onAuthEvent`.
   */
  publishAuthEvent?: (tenant: Tenant, event: TenantAuthEvent, options: { id: string; createdAt: Date }) => Promise<void>;
  /** Queues a tenant's text messages (the SMS outbox). */
  sendTenantSms?: (tenant: Tenant, sms: { to: string; body: string }) => Promise<void>;
  /** Delivers a tenant's auth emails (the email outbox). */
  sendTenantEmail?: (tenant: Tenant, email: TenantEmail) => Promise<void>;
  /** A user's earlier sign-ins' devices (the audit log), for the new-device email. */
  signInHistory?: (tenant: Tenant, userId: string, before: Date) => ReturnType<SignInHistory>;
  /** The language a tenant's hosted pages show for a request's signals (its published theme decides). */
  pageLocale?: (tenant: Tenant, signals: LanguageSignals) => Promise<Locale>;
};

/**
 * Maps a tenant (slug, hostname or id) to a ready better-auth instance. Instances are built
 * on first use, cached in least-recently-used order, rebuilt when the tenant's configVersion
 * changes, and evicted beyond `maxHotTenants`, releasing their database connections.
 *
 * How soon a change made elsewhere is seen depends on the change feed (decision 0016): while
 * it is live, records are answered from the tenant directory and a cache that every change
 * message refreshes (no control-plane query per request); while it is down or absent, records
 * are re-read at most `lookupTtlMs` after they were cached.
 */
export class TenantRegistry {
  readonly #hot = new Map<string, HotEntry>();
  readonly #building = new Map<string, Promise<HotEntry>>();
  /**
   * Lookups are keyed by what clients send (Host headers, slugs in paths), so both caches are
   * bounded LRUs: misses live apart from hits, and a flood of made-up names evicts only other
   * made-up names, never a real tenant.
   */
  readonly #found: LRUCache<string, Tenant>;
  readonly #missing: LRUCache<string, true>;
  readonly #failures: LRUCache<string, { configVersion: number; message: string; at: number }>;
  /**
   * Per tenant id; outlives rebuilds and evictions so limits are not reset by them, but not
   * forever: a deployment that has served every one of many tenants keeps the recent ones.
   */
  readonly #rateLimitStores: LRUCache<string, RateLimitStore>;
  readonly #lookupTtlMs: number;
  readonly #failureTtlMs: number;
  readonly #safetyTtlMs: number;
  readonly #changes: ChangeFeed;
  readonly #unsubscribe: () => void;
  readonly #directory: TenantDirectory;
  /** Records by tenant id, trusted while the directory holds the same configVersion. */
  readonly #records: LRUCache<string, Tenant>;
  /** Directory work under way (a refresh after a change, a reload): lookups wait for it. */
  readonly #pending = new Set<Promise<unknown>>();
  #reloading = false;
  #lastReload = 0;

  constructor(private readonly options: RegistryOptions) {
    this.#lookupTtlMs = options.lookupTtlMs ?? 1000;
    this.#failureTtlMs = options.failureTtlMs ?? 2000;
    this.#safetyTtlMs = options.safetyTtlMs ?? 60_000;
    const max = options.maxCachedLookups ?? 10_000;
    this.#found = new LRUCache({ max, ttl: this.#lookupTtlMs });
    this.#missing = new LRUCache({ max, ttl: this.#lookupTtlMs });
    this.#records = new LRUCache({ max, ttl: this.#safetyTtlMs });
    this.#failures = new LRUCache({ max });
    this.#rateLimitStores = new LRUCache({ max });
    this.#directory = new TenantDirectory(options.tenants);
    this.#changes = options.changes ?? new InProcessChangeFeed();
    this.#unsubscribe = this.#changes.subscribe({
      change: (change) => this.#changed(change),
      connected: () => {
        this.#lastReload = Date.now();
        this.#track(this.#revalidate());
      },
      disconnected: () => {
        this.#directory.forget();
        this.#records.clear();
      },
    });
  }

  /** Tenant ids currently built, least recently used first. */
  get hotTenantIds(): string[] {
    return [...this.#hot.keys()];
  }

  /** The tenant record for a key: current as of the last change message, or at most `lookupTtlMs` old. */
  async lookup(key: TenantKey): Promise<Tenant | null> {
    // A name no tenant can have is answered without asking the control plane or caching it.
    if ("slug" in key && !SlugSchema.safeParse(key.slug).success) return null;
    if ("hostname" in key && !HostnameSchema.safeParse(key.hostname).success) return null;
    if (this.#pending.size > 0) await Promise.all(this.#pending);
    const loadedAt = this.#directory.loadedAt;
    if (this.#changes.live) {
      // Missed messages are unlikely while connected; a periodic reload bounds the damage.
      if (loadedAt !== null && Date.now() - loadedAt > this.#safetyTtlMs) this.#revalidateInBackground();
      if (loadedAt !== null) return this.#lookupInDirectory(key);
      // A failed load (the control database was away) is retried, at most once per `lookupTtlMs`.
      if (Date.now() - this.#lastReload > this.#lookupTtlMs) this.#revalidateInBackground();
    }
    const cacheKey = "slug" in key ? `s:${key.slug}` : "hostname" in key ? `h:${key.hostname}` : `i:${key.id}`;
    const cached = this.#found.get(cacheKey);
    if (cached) return cached;
    if (this.#missing.has(cacheKey)) return null;
    const { tenants } = this.options;
    const tenant =
      "slug" in key
        ? await tenants.getBySlug(key.slug)
        : "hostname" in key
          ? await tenants.getByHostname(key.hostname)
          : await tenants.getById(key.id);
    // lru-cache reads a ttl of 0 as "forever"; here it means "do not cache" (tests, tools).
    if (this.#lookupTtlMs <= 0) return tenant;
    if (tenant) this.#found.set(cacheKey, tenant);
    else this.#missing.set(cacheKey, true);
    return tenant;
  }

  async #lookupInDirectory(key: TenantKey): Promise<Tenant | null> {
    const id = this.#directory.idFor(key);
    if (!id) return null;
    const cached = this.#records.get(id);
    if (cached && cached.configVersion === this.#directory.versionOf(id)) return cached;
    const tenant = await this.options.tenants.getById(id);
    if (tenant) this.#records.set(id, tenant);
    return tenant;
  }

  /** A change here or elsewhere: forget the tenant now, re-read it before the next lookup. */
  #changed({ tenantId }: TenantChange) {
    this.#found.clear();
    this.#missing.clear();
    this.#failures.delete(tenantId);
    this.#records.delete(tenantId);
    // While live (a first load may be under way, whose snapshot can predate this change).
    if (!this.#changes.live) return;
    this.#track(
      this.#directory.refresh(tenantId).then((tenant) => {
        if (tenant) this.#records.set(tenantId, tenant);
        if (!tenant || tenant.status !== "active") this.#drop(tenantId);
      }),
    );
  }

  /** The safety net on (re)connect: every tenant's names and versions in one read. */
  async #revalidate() {
    await this.#directory.reload();
    for (const [id, record] of this.#records.entries()) {
      if (this.#directory.versionOf(id) !== record.configVersion) this.#records.delete(id);
    }
    for (const id of this.#hot.keys()) {
      if (this.#directory.versionOf(id) === undefined) this.#drop(id);
    }
  }

  #revalidateInBackground() {
    if (this.#reloading) return;
    this.#lastReload = Date.now();
    this.#reloading = true;
    this.#track(this.#revalidate().finally(() => (this.#reloading = false)));
  }

  #track(work: Promise<unknown>) {
    const tracked = work
      .catch((error: unknown) => {
        // The directory cannot be trusted after a failed read: fall back to short-lived lookups.
        this.#directory.forget();
        log.error({ err: errorField(error) }, "Could not refresh the tenant directory");
      })
      .finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  /** Releases a deleted or disabled tenant's instance now rather than at its next request. */
  #drop(tenantId: string) {
    const entry = this.#hot.get(tenantId);
    if (!entry) return;
    this.#hot.delete(tenantId);
    this.#release(entry);
    tenantsLoaded.set(this.#hot.size);
  }

  async resolve(key: TenantKey): Promise<ResolvedTenant> {
    const tenant = await this.lookup(key);
    if (!tenant || tenant.status !== "active") return { status: "not_found" };

    const hot = this.#hot.get(tenant.id);
    if (hot && hot.configVersion === tenant.configVersion) {
      this.#hot.delete(tenant.id);
      this.#hot.set(tenant.id, hot);
      return { status: "ok", tenant: hot.tenant, auth: hot.auth, db: hot.db };
    }

    const failure = this.#failures.get(tenant.id);
    if (failure && failure.configVersion === tenant.configVersion && Date.now() - failure.at < this.#failureTtlMs) {
      return { status: "unavailable", tenant, message: failure.message };
    }

    try {
      const entry = await this.#build(tenant);
      return { status: "ok", tenant: entry.tenant, auth: entry.auth, db: entry.db };
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      log.error({ tenant: tenant.slug, tenant_id: tenant.id, cause }, "Tenant cannot be loaded");
      const message = `The sign-in service for ${tenant.name} is temporarily unavailable.`;
      this.#failures.set(tenant.id, { configVersion: tenant.configVersion, message, at: Date.now() });
      return { status: "unavailable", tenant, message };
    }
  }

  /** Builds once even when many requests for a cold tenant arrive together. */
  #build(tenant: Tenant): Promise<HotEntry> {
    const buildKey = `${tenant.id}@${tenant.configVersion}`;
    let pending = this.#building.get(buildKey);
    if (!pending) {
      const stopTimer = tenantBuildDuration.startTimer();
      pending = this.#open(tenant).then(
        (entry) => {
          stopTimer({ outcome: "ok" });
          admitTenant(tenant.slug);
          return entry;
        },
        (error: unknown) => {
          stopTimer({ outcome: "failed" });
          throw error;
        },
      );
      pending = pending.finally(() => this.#building.delete(buildKey));
      this.#building.set(buildKey, pending);
    }
    return pending;
  }

  async #open(tenant: Tenant): Promise<HotEntry> {
    const { storage, tenants, publicUrl, onAuthEvent, publishAuthEvent, sendTenantEmail, sendTenantSms } = this.options;
    const { signInHistory, pageLocale } = this.options;
    if (tenant.configError) throw new Error(tenant.configError);
    const secrets = await tenants.getSecrets(tenant.id);
    // A tenant with its own PostgreSQL database is served from there, whatever the deployment uses.
    const connection = await storage.openTenantDatabase(tenant.id, { databaseUrl: secrets.databaseUrl });
    const onEvent = onAuthEvent && ((event: TenantAuthEvent) => onAuthEvent(tenant, event));
    const events = new TenantEventOutbox(
      connection.db,
      publishAuthEvent
        ? (event, options) => publishAuthEvent(tenant, event, options)
        : async (event) => onEvent?.(event),
    );
    let auth: TenantAuth;
    try {
      let rateLimitStore = this.#rateLimitStores.get(tenant.id);
      if (!rateLimitStore)
        this.#rateLimitStores.set(tenant.id, (rateLimitStore = createTenantRateLimitStore(tenant.id)));
      auth = createTenantAuth({
        tenant,
        secrets,
        db: connection.db,
        provider: connection.provider,
        publicUrl,
        rateLimitStore,
        onEvent,
        events,
        sendEmail: sendTenantEmail && ((email) => sendTenantEmail(tenant, email)),
        sendSms: sendTenantSms && ((sms) => sendTenantSms(tenant, sms)),
        signInHistory: signInHistory && ((userId, before) => signInHistory(tenant, userId, before)),
        pageLocale: pageLocale && ((signals) => pageLocale(tenant, signals)),
      });
    } catch (error) {
      await connection.close();
      throw error;
    }
    const entry: HotEntry = { tenant, auth, db: connection.db, connection, events, configVersion: tenant.configVersion };
    // Events a stopped process wrote but did not publish go out now.
    events.recoverInBackground();
    const previous = this.#hot.get(tenant.id);
    this.#hot.delete(tenant.id);
    this.#hot.set(tenant.id, entry);
    this.#failures.delete(tenant.id);
    if (previous) this.#release(previous);
    this.#evictBeyondLimit();
    tenantsLoaded.set(this.#hot.size);
    return entry;
  }

  #release(entry: HotEntry) {
    entry.events.stop();
    const close = () =>
      entry.connection
        .close()
        .catch((error: unknown) => log.error({ err: errorField(error) }, "Closing a tenant database failed"));
    const grace = this.options.closeGraceMs ?? 5000;
    if (grace <= 0) void close();
    else setTimeout(close, grace).unref();
  }

  #evictBeyondLimit() {
    while (this.#hot.size > this.options.maxHotTenants) {
      const [oldestId, oldest] = this.#hot.entries().next().value as [string, HotEntry];
      this.#hot.delete(oldestId);
      this.#release(oldest);
    }
  }

  /**
   * Forgets what this and every other instance knows about a tenant, so the next request
   * anywhere reads it afresh (TenantService announces its own changes; this is for the rest).
   */
  invalidate(tenantId: string) {
    this.#changes.publish({ tenantId });
  }

  async close() {
    this.#unsubscribe();
    const entries = [...this.#hot.values()];
    this.#hot.clear();
    this.#found.clear();
    this.#missing.clear();
    this.#records.clear();
    await Promise.all(entries.map((entry) => entry.connection.close()));
  }
}
