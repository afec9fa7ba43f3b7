import { getEnv } from "~/config/env.server";
import { PostgresStorage } from "./postgres-storage.server";
import { SqliteStorage } from "./sqlite-storage.server";
import type { Storage } from "./storage.server";

export function createStorage({
  dataDir,
  databaseUrl,
  pgPoolMax,
}: {
  dataDir: string;
  databaseUrl?: string;
  pgPoolMax?: number;
}): Storage {
  return databaseUrl ? new PostgresStorage(databaseUrl, { max: pgPoolMax }) : new SqliteStorage(dataDir);
}

let storage: Storage | undefined;

/** The deployment's storage, chosen by DATABASE_URL (PostgreSQL) or the data directory (SQLite). */
export function getStorage(): Storage {
  storage ??= createStorage(getEnv());
  return storage;
}
