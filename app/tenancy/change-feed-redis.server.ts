import { Redis } from "ioredis";
import { errorField, log } from "../ops/log.server";
import { ChangeFeed } from "./change-feed.server";

export const REDIS_CHANNEL = "portico:tenant-changes";

/** How often the subscribed connection is checked, and how long an answer may take. */
const HEARTBEAT_MS = 5_000;

/**
 * Redis pub/sub, when REDIS_URL is set. A subscribed Redis connection can do nothing else, so
 * the feed keeps two: one subscribed, one to publish on. ioredis reconnects both by itself;
 * the subscription is renewed on every "ready", and only then is the feed live again and its
 * listeners told to re-check what they cached.
 */
export class RedisChangeFeed extends ChangeFeed {
  readonly kind = "redis" as const;
  readonly #subscriber: Redis;
  readonly #publisher: Redis;
  readonly #channel: string;
  #live = false;

  #heartbeat: NodeJS.Timeout | undefined;

  constructor(redisUrl: string, { channel = REDIS_CHANNEL, reconnectMs = 1000, heartbeatMs = HEARTBEAT_MS } = {}) {
    super();
    this.#channel = channel;
    const options = {
      lazyConnect: true,
      autoResubscribe: false,
      connectTimeout: heartbeatMs,
      commandTimeout: heartbeatMs,
      // A message to a Redis that is down waits (bounded) rather than failing at once.
      maxRetriesPerRequest: 3,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, reconnectMs),
    };
    this.#subscriber = new Redis(redisUrl, options);
    this.#publisher = new Redis(redisUrl, options);
    for (const connection of [this.#subscriber, this.#publisher]) {
      // Without a listener ioredis prints every failed reconnect; one warning line is enough.
      connection.on("error", (error: Error) =>
        log.warn({ err: errorField(error) }, "Redis connection for tenant changes failed"),
      );
    }
    this.#subscriber.on("message", (channel: string, message: string) => {
      if (channel === this.#channel) this.receive(message);
    });
    this.#subscriber.on("ready", () => void this.#subscribe());
    // A subscriber hears nothing on a connection that died silently (a network partition), so
    // it pings now and then; no answer in time makes ioredis reconnect.
    this.#heartbeat = setInterval(() => {
      if (!this.#live) return;
      this.#subscriber.ping().catch(() => this.#subscriber.disconnect(true));
    }, heartbeatMs);
    this.#heartbeat.unref();
    this.#subscriber.on("close", () => {
      if (!this.#live) return;
      this.#live = false;
      this.announceDisconnected();
    });
  }

  get live() {
    return this.#live;
  }

  async #subscribe() {
    try {
      await this.#subscriber.subscribe(this.#channel);
    } catch (error) {
      log.warn({ err: errorField(error) }, "Cannot subscribe to tenant changes");
      return;
    }
    this.#live = true;
    this.announceConnected();
  }

  /** Resolves after the first attempt; a Redis that is down keeps being retried in the background. */
  async start(): Promise<void> {
    await Promise.all(
      [this.#subscriber, this.#publisher].map((connection) =>
        connection.connect().catch((error: unknown) => {
          log.warn({ err: errorField(error) }, "Redis for tenant changes is not reachable yet; retrying");
        }),
      ),
    );
  }

  protected async send(message: string): Promise<void> {
    await this.#publisher.publish(this.#channel, message);
  }

  async close(): Promise<void> {
    await this.flush();
    clearInterval(this.#heartbeat);
    this.#live = false;
    this.#subscriber.disconnect();
    this.#publisher.disconnect();
  }
}
