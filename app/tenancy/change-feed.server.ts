import { randomBytes } from "node:crypto";
import { errorField, log } from "../ops/log.server";

/**
 * Tells every app instance that a tenant changed (config, status, domains, keys, deletion), so
 * each drops what it cached about that tenant at once instead of re-reading the control plane
 * every second (decision 0016). `configVersion` is the version after the change when the
 * publisher knows it; receivers re-read the tenant either way.
 */
export type TenantChange = { tenantId: string; configVersion?: number };

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
  /** Tells this process's messages apart from the other instances'. */
  readonly #origin = randomBytes(9).toString("base64url");
  /** Messages on their way out; close() waits for them (a CLI exits right after its change). */
  readonly #sending = new Set<Promise<void>>();

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(change: TenantChange): void {
    this.#deliver(change);
    const message = JSON.stringify({ o: this.#origin, t: change.tenantId, v: change.configVersion });
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

function parseMessage(message: string): { origin: string; tenantId: string; configVersion?: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { o, t, v } = value as Record<string, unknown>;
  if (typeof o !== "string" || typeof t !== "string" || !/^[a-z0-9]{24}$/.test(t)) return null;
  if (v !== undefined && !(typeof v === "number" && Number.isInteger(v))) return null;
  return { origin: o, tenantId: t, configVersion: v as number | undefined };
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
