import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Storage } from "~/db/storage.server";
import { ApiKeyRateLimiter, type RateLimitResult } from "~/api-keys/rate-limit.server";

/**
 * SCIM connections: one per organization of a tenant, each with one bearer token
 * (`scim_` + 32 random bytes, base64url) shown once and stored as its SHA-256, as API keys are
 * (app/api-keys). A token is looked up by its hash and then checked to belong to the tenant of
 * the request's URL, so it reaches its own tenant and organization only.
 */
export type ScimConnectionSummary = {
  id: string;
  tenantId: string;
  organizationId: string;
  /** The token's first characters, enough to recognise it. */
  tokenPrefix: string;
  createdAt: Date;
  rotatedAt: Date | null;
  lastUsedAt: Date | null;
};

export type ScimRequestEntry = { method: string; path: string; status: number; createdAt: Date };

export type ScimAuthentication = { connectionId: string; tenantId: string; organizationId: string };

/** Requests per minute one connection may send (Entra ID sends at most a few per second). */
export const SCIM_RATE_LIMIT_PER_MINUTE = 600;
/** How many recent requests the console shows (and the database keeps) per connection. */
const RECENT_REQUESTS_KEPT = 50;

const TOKEN_PATTERN = /^scim_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;
const LAST_USED_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const SUMMARY_SELECT = {
  id: true,
  tenantId: true,
  organizationId: true,
  tokenPrefix: true,
  createdAt: true,
  rotatedAt: true,
  lastUsedAt: true,
} as const;

export class ScimConnections {
  private readonly rateLimiter = new ApiKeyRateLimiter();

  constructor(private readonly storage: Storage) {}

  /** The organization's connection, or null when it has none. */
  async get(tenantId: string, organizationId: string): Promise<ScimConnectionSummary | null> {
    const db = await this.storage.control();
    return db.scimConnection.findUnique({
      where: { tenantId_organizationId: { tenantId, organizationId } },
      select: SUMMARY_SELECT,
    });
  }

  /** The tenant's connections, by organization id. */
  async listForTenant(tenantId: string): Promise<Map<string, ScimConnectionSummary>> {
    const db = await this.storage.control();
    const rows = await db.scimConnection.findMany({ where: { tenantId }, select: SUMMARY_SELECT });
    return new Map(rows.map((row) => [row.organizationId, row]));
  }

  /**
   * Creates the organization's connection, or gives it a new token: the old token stops working
   * at once. `token` is the only time the plaintext exists outside the caller's hands.
   */
  async issueToken(
    tenantId: string,
    organizationId: string,
    createdById: string | null,
  ): Promise<{ token: string; connection: ScimConnectionSummary; rotated: boolean }> {
    const token = `scim_${randomBytes(32).toString("base64url")}`;
    const secret = { tokenHash: hashToken(token), tokenPrefix: token.slice(0, PREFIX_LENGTH) };
    const db = await this.storage.control();
    const existing = await this.get(tenantId, organizationId);
    const connection = existing
      ? await db.scimConnection.update({
          where: { id: existing.id },
          data: { ...secret, rotatedAt: new Date() },
          select: SUMMARY_SELECT,
        })
      : await db.scimConnection.create({
          data: { id: randomUUID(), tenantId, organizationId, createdById, ...secret },
          select: SUMMARY_SELECT,
        });
    return { token, connection, rotated: Boolean(existing) };
  }

  /** Removes the connection and its request log; its token is refused from now on. */
  async revoke(tenantId: string, organizationId: string): Promise<boolean> {
    const db = await this.storage.control();
    const { count } = await db.scimConnection.deleteMany({ where: { tenantId, organizationId } });
    return count > 0;
  }

  /** Forgets a deleted organization's connection and the SCIM ids of its users. */
  async forgetOrganization(tenantId: string, organizationId: string): Promise<void> {
    const db = await this.storage.control();
    await db.$transaction([
      db.scimConnection.deleteMany({ where: { tenantId, organizationId } }),
      db.scimIdentity.deleteMany({ where: { tenantId, organizationId } }),
    ]);
  }

  /** The connection a presented token belongs to, if it is this tenant's; else null. */
  async authenticate(tenantId: string, token: string): Promise<ScimAuthentication | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const hash = hashToken(token);
    const db = await this.storage.control();
    const row = await db.scimConnection.findUnique({
      where: { tokenHash: hash },
      select: { id: true, tenantId: true, organizationId: true, tokenHash: true, lastUsedAt: true },
    });
    if (!row || !timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(hash, "hex"))) return null;
    if (row.tenantId !== tenantId) return null;
    const now = Date.now();
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_INTERVAL_MS) {
      await db.scimConnection.updateMany({
        where: {
          id: row.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_INTERVAL_MS) } }],
        },
        data: { lastUsedAt: new Date(now) },
      });
    }
    return { connectionId: row.id, tenantId: row.tenantId, organizationId: row.organizationId };
  }

  /** Counts one request against the connection's per-minute budget. */
  checkRateLimit(connectionId: string): Promise<RateLimitResult> {
    return this.rateLimiter.check(`scim:${connectionId}`, SCIM_RATE_LIMIT_PER_MINUTE);
  }

  /** Logs an answered request and forgets all but the newest RECENT_REQUESTS_KEPT. */
  async recordRequest(connectionId: string, entry: Omit<ScimRequestEntry, "createdAt">): Promise<void> {
    const db = await this.storage.control();
    await db.scimRequest.create({
      data: { id: randomUUID(), connectionId, ...entry, path: entry.path.slice(0, 300) },
    });
    const kept = await db.scimRequest.findMany({
      where: { connectionId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: RECENT_REQUESTS_KEPT,
      take: 1,
      select: { createdAt: true },
    });
    if (kept[0]) await db.scimRequest.deleteMany({ where: { connectionId, createdAt: { lte: kept[0].createdAt } } });
  }

  /** The connection's recent requests, newest first. */
  async recentRequests(connectionId: string): Promise<ScimRequestEntry[]> {
    const db = await this.storage.control();
    return db.scimRequest.findMany({
      where: { connectionId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_REQUESTS_KEPT,
      select: { method: true, path: true, status: true, createdAt: true },
    });
  }
}
