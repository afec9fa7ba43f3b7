import { PostgresStorage } from "../db/postgres-storage.server";
import type { Storage } from "../db/storage.server";
import { InProcessChangeFeed, type ChangeFeed } from "./change-feed.server";
import { PostgresChangeFeed } from "./change-feed-postgres.server";
import { RedisChangeFeed } from "./change-feed-redis.server";

/**
 * The channel this deployment fans tenant changes out on: Redis pub/sub when REDIS_URL is
 * set, else LISTEN/NOTIFY when the control plane is PostgreSQL, else this process alone
 * (SQLite serves from one process).
 */
export function openChangeFeed({
  redisUrl,
  databaseUrl,
  storage,
}: {
  redisUrl?: string;
  databaseUrl?: string;
  storage: Storage;
}): ChangeFeed {
  if (redisUrl) return new RedisChangeFeed(redisUrl);
  if (databaseUrl && storage instanceof PostgresStorage) return new PostgresChangeFeed(databaseUrl, storage.pool);
  return new InProcessChangeFeed();
}
