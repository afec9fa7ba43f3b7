/**
 * Data for the bench: tenants created through Portico's own TenantService in a fresh data
 * directory before the server starts on it, and the bare server's SQLite file, migrated with
 * the same tenant schema.
 */
import { SqliteStorage } from "../app/db/sqlite-storage.server";
import { TenantService } from "../app/tenancy/tenants.server";
import { BENCH_RATE_LIMIT } from "./options";

/** Creates the tenants (and their databases) in `dataDir`, with the bench's rate limit. */
export async function createTenants(dataDir: string, secret: string, slugs: string[]): Promise<void> {
  const storage = new SqliteStorage(dataDir);
  try {
    const tenants = new TenantService(storage, secret);
    for (const slug of slugs) {
      await tenants.create({ slug, name: `Bench ${slug}`, config: { rateLimit: BENCH_RATE_LIMIT } });
    }
  } finally {
    await storage.close();
  }
}

/** A tenant-schema SQLite file (WAL mode, migrated) for the bare server; returns its path. */
export async function createBareDatabase(dataDir: string): Promise<string> {
  const storage = new SqliteStorage(dataDir);
  const id = "barebetterauthbench00000"; // any 24-char [a-z0-9] id: it only names the file
  await storage.createTenantDatabase(id);
  return storage.tenantFile(id);
}
