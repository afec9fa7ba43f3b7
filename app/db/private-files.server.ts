import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";

/**
 * The data directory holds the deployment secret and every database: readable by Portico's
 * own user only, whatever the umask. Existing directories and files are tightened too, so an
 * upgrade fixes a deployment created before this rule.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Creates the file (empty) as 0600 if missing and tightens it if it exists. SQLite gives its
 * -wal and -shm files the database file's mode, so they follow.
 */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
  for (const companion of [`${file}-wal`, `${file}-shm`]) if (existsSync(companion)) chmodSync(companion, 0o600);
}
