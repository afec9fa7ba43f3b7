/**
 * `npm run restore -- <backup dir> [data dir]`: checks a backup against its manifest and
 * copies it into an empty data directory (default PORTICO_DATA_DIR). Stop Portico first.
 */
import path from "node:path";
import { loadDotEnvFile } from "~/config/env.server";
import { BackupError, restoreDataDir } from "~/ops/backup.server";

loadDotEnvFile();
const [backupDir, dataDirArg, ...rest] = process.argv.slice(2);
if (!backupDir || rest.length > 0) {
  console.error("Usage: npm run restore -- <backup dir> [empty data dir, default PORTICO_DATA_DIR]");
  process.exit(2);
}
const dataDir = path.resolve(dataDirArg || process.env.PORTICO_DATA_DIR || "./data");
try {
  const manifest = restoreDataDir(path.resolve(backupDir), dataDir);
  console.log(
    `[portico] Restored ${manifest.files.length} files from the backup of ${manifest.createdAt} (Portico ${manifest.portico.version}) into ${dataDir}.`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`[portico] Restore failed: ${error.message}`);
  process.exit(1);
}
