/**
 * `npm run backup -- <dir>`: a consistent copy of every SQLite database in PORTICO_DATA_DIR
 * (control.db, tenants/*.db), taken while the server runs, plus the generated secret file and
 * a manifest.json (files, sizes, SHA-256, Portico version, migrations, time). For PostgreSQL
 * deployments see docs/self-hosting.md (pg_dump).
 */
import path from "node:path";
import { loadDotEnvFile } from "~/config/env.server";
import { BackupError, backupDataDir } from "~/ops/backup.server";

loadDotEnvFile();
const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error("Usage: npm run backup -- <empty or new directory>");
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  console.error(
    "[portico] DATABASE_URL is set: this deployment keeps its data in PostgreSQL. Back it up with pg_dump (docs/self-hosting.md).",
  );
  process.exit(1);
}
const dataDir = path.resolve(process.env.PORTICO_DATA_DIR || "./data");
try {
  const manifest = await backupDataDir(dataDir, path.resolve(target));
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(`[portico] Backed up ${manifest.files.length} files (${bytes} bytes) from ${dataDir} to ${target}.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`[portico] Backup failed: ${error.message}`);
  process.exit(1);
}
