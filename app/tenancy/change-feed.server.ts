import { randomBytes } from "node:crypto";
import { errorField, log } from "../ops/log.server";

/**
 * Tells every app instance that a tenant changed (config, status, domains, keys, deletion), so
 * each drops what it cached about that tenant at once instead of re-reading the control plane
 * every second (decision 0016). `configVersion` is the version after the change when the
 * publisher knows it; receivers re-read the tenant either way.
 */
export type TenantChange = { tenantId: string; configVersion?: number };

/**
 * A tenant's sessions (all of them, or one user's) were revoked or changed on one instance:
 * every other instance drops what it cached of them (app/sessions/session-cache.server.ts), so
 * a sign-out, ban or revocation is refused everywhere within the channel's latency.
 */
export type SessionsChange = { tenantId: string; userId?: string };

export type ChangeListener = {
  /** A tenant changed, here or on another instance. */
  change(change: TenantChange): void;
  /** The channel (re)connected: changes made while it was down were missed and must be re-checked. */
  connected(): void;
  /** The channel dropped: caches must fall back to a short lifetime until it is back. */
  disconnected(): void;
};

export type ChangeFeedKind = "redis" | "postgresql" | "in-process";

/**
 * The publish/subscribe side every transport shares. A change is delivered to this process's
 * listeners synchronously (so the request after a console save sees it), then sent to the
 * other instances; this process ignores its own messages when they come back.
 */
export abstract class ChangeFeed {
  abstract readonly kind: ChangeFeedKind;
  /** True only when every other instance's changes reach this one (a connected shared channel). */
  abstract get live(): boolean;
  readonly #listeners = new Set<ChangeListener>();
  readonly #sessionListeners = new Set<(change: SessionsChange) => void>();
  /** Tells this process's messages apart from the other instances'. */
  readonly #origin = randomBytes(9).toString("base64url");
  /** Messages on their way out; close() waits for them (a CLI exits right after its change). */
  readonly #sending = new Set<Promise<void>>();

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Hears other instances' session changes (this process's own are not echoed back). */
  subscribeSessions(listener: (change: SessionsChange) => void): () => void {
    this.#sessionListeners.add(listener);
    return () => this.#sessionListeners.delete(listener);
  }

  publish(change: TenantChange): void {
    this.#deliver(change);
    this.#announce(JSON.stringify({ o: this.#origin, t: change.tenantId, v: change.configVersion }));
  }

  /** Tells the other instances; this process has already dropped its own cached sessions. */
  publishSessions(change: SessionsChange): void {
    this.#announce(JSON.stringify({ o: this.#origin, t: change.tenantId, s: change.userId ?? "" }));
  }

  #announce(message: string) {
    const sending = this.send(message)
      .catch((error: unknown) =>
        log.warn(
          { err: errorField(error), channel: this.kind },
          "Could not announce a tenant change to other instances",
        ),
      )
      .finally(() => this.#sending.delete(sending));
    this.#sending.add(sending);
  }

  /** Waits for the messages already published to be sent (or to fail). */
  protected async flush(): Promise<void> {
    await Promise.all(this.#sending);
  }

  abstract start(): Promise<void>;
  abstract close(): Promise<void>;

  /** Sends a message to every instance (this one included, which ignores it). */
  protected abstract send(message: string): Promise<void>;

  /** A message from the channel: anything malformed is dropped, never thrown. */
  protected receive(message: string): void {
    const change = parseMessage(message);
    if (!change || change.origin === this.#origin) return;
    if (change.sessionsOf !== undefined) {
      const sessions = { tenantId: change.tenantId, ...(change.sessionsOf ? { userId: change.sessionsOf } : {}) };
      for (const listener of this.#sessionListeners) listener(sessions);
      return;
    }
    this.#deliver({ tenantId: change.tenantId, configVersion: change.configVersion });
  }

  protected announceConnected(): void {
    for (const listener of this.#listeners) listener.connected();
  }

  protected announceDisconnected(): void {
    for (const listener of this.#listeners) listener.disconnected();
  }

  #deliver(change: TenantChange) {
    for (const listener of this.#listeners) {
      try {
        listener.change(change);
      } catch (error) {
        log.error({ err: errorField(error), tenant_id: change.tenantId }, "A tenant change listener failed");
      }
    }
  }
}

type Message = { origin: string; tenantId: string; configVersion?: number; sessionsOf?: string };

function parseMessage(message: string): Message | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { o, t, v, s } = value as Record<string, unknown>;
  if (typeof o !== "string" || typeof t !== "string" || !/^[a-z0-9]{24}$/.test(t)) return null;
  if (v !== undefined && !(typeof v === "number" && Number.isInteger(v))) return null;
  if (s !== undefined && !(typeof s === "string" && s.length <= 64)) return null;
  return { origin: o, tenantId: t, configVersion: v as number | undefined, sessionsOf: s as string | undefined };
}

/**
 * One process only (SQLite): changes reach this process's caches, but a CLI or a second
 * process writing the same files is not heard, so `live` stays false and caches keep their
 * short lifetime.
 */
export class InProcessChangeFeed extends ChangeFeed {
  readonly kind = "in-process" as const;
  get live() {
    return false;
  }
  async start() {}
  async close() {}
  protected async send() {}
}
