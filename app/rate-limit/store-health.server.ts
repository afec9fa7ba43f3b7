import { getLogger } from "../ops/log.server";
import { rateLimitStoreFallbacks, rateLimitStoreUp } from "../ops/metrics.server";

/**
 * Whether a shared rate-limit store answers. While it does not, limits are counted in this
 * process's memory (fail open, decision 0015): one warning per outage, not one per request,
 * a gauge for dashboards and a counter of the operations counted locally.
 */
export class StoreHealth {
  #up = true;

  constructor(private readonly store: string) {
    rateLimitStoreUp.set(1);
  }

  get up(): boolean {
    return this.#up;
  }

  /** An operation was counted in memory instead of the shared store. */
  fellBack(): void {
    rateLimitStoreFallbacks.inc();
  }

  /** The connection is gone (or a command failed): the first report of an outage is logged. */
  lost(): void {
    if (!this.#up) return;
    this.#up = false;
    rateLimitStoreUp.set(0);
    getLogger().warn(
      { store: this.store },
      `The rate-limit store (${this.store}) does not answer: limits are counted per instance until it is back.`,
    );
  }

  /** The store answers again: limits are shared again. */
  restored(): void {
    if (this.#up) return;
    this.#up = true;
    rateLimitStoreUp.set(1);
    getLogger().info({ store: this.store }, `The rate-limit store (${this.store}) is back: limits are shared again.`);
  }
}
