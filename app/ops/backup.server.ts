import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { migrationsDir, PROJECT_ROOT, type Plane } from "~/db/paths.server";
import { readMigrations } from "~/db/migrate.server";

/**
 * Backups of a SQLite deployment's data directory (docs/self-hosting.md). Each database is
 * copied with SQLite's online backup API in a single step, which reads it inside one read
 * transaction: a consistent snapshot even while the server keeps writing (WAL mode lets the
 * writers go on). A plain file copy could catch a page half-written or miss the WAL. The
 * deployment secret file goes along, since without it the copy's sealed secrets are unreadable.
 */
export const MANIFEST = "manifest.json";
const SECRET_FILE = "secret";
const BUSY_TIMEOUT_MS = 10_000;

export type ManifestFile = {
  /** Relative to the data directory, with "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
  /** For databases: the plane and the migrations applied in the copy. */
  plane?: Plane;
  migrations?: string[];
};

export type Manifest = {
  format: 1;
  portico: { version: string };
  createdAt: string;
  provider: "sqlite";
  files: ManifestFile[];
};

export class BackupError extends Error {}

function porticoVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

function appliedMigrations(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT name FROM "_portico_migrations" ORDER BY name`).all() as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    db.close();
  }
}

/** The databases of a data directory: control.db, then every tenants/<id>.db. */
function databasesIn(dataDir: string): { path: string; plane: Plane }[] {
  const found: { path: string; plane: Plane }[] = [];
  if (existsSync(path.join(dataDir, "control.db"))) found.push({ path: "control.db", plane: "control" });
  const tenants = path.join(dataDir, "tenants");
  if (existsSync(tenants)) {
    for (const name of readdirSync(tenants).sort()) {
      if (/^[a-z0-9]{24}\.db$/.test(name)) found.push({ path: `tenants/${name}`, plane: "tenant" });
    }
  }
  return found;
}

/** Copies every database (online, consistent) and the secret file into `target`, an empty directory. */
export async function backupDataDir(dataDir: string, target: string): Promise<Manifest> {
  if (!existsSync(path.join(dataDir, "control.db"))) {
    throw new BackupError(`${dataDir} has no control.db: is PORTICO_DATA_DIR right?`);
  }
  if (!isEmptyDir(target)) throw new BackupError(`The backup directory ${target} is not empty; choose a new one.`);
  privateDir(target);
  const files: ManifestFile[] = [];
  for (const database of databasesIn(dataDir)) {
    const destination = path.join(target, ...database.path.split("/"));
    privateDir(path.dirname(destination));
    const source = new Database(path.join(dataDir, ...database.path.split("/")), {
      readonly: true,
      fileMustExist: true,
      timeout: BUSY_TIMEOUT_MS,
    });
    try {
      // After the first (empty) step, every remaining page in one step: one read transaction,
      // so writers committing meanwhile never make the copy restart or mix two states.
      await source.backup(destination, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    chmodSync(destination, 0o600);
    files.push({
      path: database.path,
      bytes: statSync(destination).size,
      sha256: sha256(destination),
      plane: database.plane,
      migrations: appliedMigrations(destination),
    });
  }
  const secret = path.join(dataDir, SECRET_FILE);
  if (existsSync(secret)) {
    const destination = path.join(target, SECRET_FILE);
    copyFileSync(secret, destination);
    chmodSync(destination, 0o600);
    files.push({ path: SECRET_FILE, bytes: statSync(destination).size, sha256: sha256(destination) });
  }
  const manifest: Manifest = {
    format: 1,
    portico: { version: porticoVersion() },
    createdAt: new Date().toISOString(),
    provider: "sqlite",
    files,
  };
  writeFileSync(path.join(target, MANIFEST), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
  return manifest;
}

function readManifest(backupDir: string): Manifest {
  const file = path.join(backupDir, MANIFEST);
  if (!existsSync(file)) throw new BackupError(`${backupDir} has no ${MANIFEST}: not a Portico backup.`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== 1 || !Array.isArray(manifest.files)) {
    throw new BackupError(`${file} is not a Portico backup manifest this version understands.`);
  }
  return manifest;
}

/**
 * Brings a backup back into `dataDir`, which must be empty (or not exist): every file is checked
 * against the manifest's size and SHA-256, and every database's migrations must be known to
 * this build (a newer Portico's backup is refused), before anything is written.
 */
export function restoreDataDir(backupDir: string, dataDir: string): Manifest {
  if (!isEmptyDir(dataDir)) {
    throw new BackupError(
      `The data directory ${dataDir} is not empty. Restore only into an empty directory (move the current one aside first).`,
    );
  }
  const manifest = readManifest(backupDir);
  for (const file of manifest.files) {
    if (file.path.split("/").some((part) => part === ".." || part === "") || path.isAbsolute(file.path)) {
      throw new BackupError(`The manifest names an unsafe path: ${file.path}`);
    }
    const source = path.join(backupDir, ...file.path.split("/"));
    if (!existsSync(source)) throw new BackupError(`The backup is missing ${file.path}.`);
    if (statSync(source).size !== file.bytes || sha256(source) !== file.sha256) {
      throw new BackupError(`${file.path} does not match the manifest (size or SHA-256): the backup is damaged.`);
    }
    if (file.plane) {
      const known = new Set(readMigrations(migrationsDir(file.plane, "sqlite")).map((m) => m.name));
      const unknown = (file.migrations ?? []).filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new BackupError(
          `${file.path} has migrations this Portico does not know (${unknown.join(", ")}): restore with Portico ${manifest.portico.version} or newer.`,
        );
      }
    }
  }
  privateDir(dataDir);
  for (const file of manifest.files) {
    const destination = path.join(dataDir, ...file.path.split("/"));
    privateDir(path.dirname(destination));
    copyFileSync(path.join(backupDir, ...file.path.split("/")), destination);
    chmodSync(destination, 0o600);
  }
  return manifest;
}
