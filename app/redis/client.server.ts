import { Redis } from "ioredis";
import { getEnv } from "../config/env.server";
import { errorField, getLogger } from "../ops/log.server";

/**
 * The deployment's Redis connection (REDIS_URL), shared by every feature that uses Redis for
 * commands. A subscriber (pub/sub) needs a connection of its own: open it with
 * `createRedisClient(getEnv().redisUrl)`.
 *
 * Settings for an auth service: a command fails at once while Redis is unreachable (no offline
 * queue, one retry), so callers fall back instead of holding a sign-in; the client keeps
 * reconnecting in the background, backing off to one attempt every 2 s.
 */
export function createRedisClient(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect; the features report outages themselves.
  client.on("error", (error) => getLogger().debug({ err: errorField(error) }, "Redis connection error"));
  return client;
}

let shared: Redis | null | undefined;

/** The process's Redis client, connected on first use; null when REDIS_URL is not set. */
export function getRedis(): Redis | null {
  if (shared === undefined) {
    const { redisUrl } = getEnv();
    shared = redisUrl ? createRedisClient(redisUrl) : null;
  }
  return shared;
}

/** Closes the process's client at shutdown (after the requests that use it have finished). */
export async function closeRedis(): Promise<void> {
  const client = shared;
  shared = undefined;
  if (!client) return;
  await client.quit().catch(() => client.disconnect());
}
