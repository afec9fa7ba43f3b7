/**
 * Data for the bench: tenants created through Portico's own TenantService in a fresh data
 * directory before the server starts on it, and the bare server's SQLite file, migrated with
 * the same tenant schema.
 */
import { serializeSignedCookie } from "better-call";
import { randomBytes, randomUUID } from "node:crypto";
import { tenantCookiePrefix } from "../app/auth/tenant-urls";
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

/**
 * Creates the tenants with one user and one live session each, written straight into their
 * databases (a sign-up per tenant would spend most of the bench hashing passwords), and returns
 * each session's signed cookie as better-auth sets it. The bench checks every session through
 * get-session before measuring, so a cookie better-auth would not accept fails the bench.
 */
export async function createTenantsWithSessions(
  dataDir: string,
  secret: string,
  slugs: string[],
): Promise<Array<{ slug: string; cookie: string; email: string }>> {
  const storage = new SqliteStorage(dataDir);
  try {
    const tenants = new TenantService(storage, secret);
    const sessions = [];
    for (const slug of slugs) {
      const tenant = await tenants.create({ slug, name: `Bench ${slug}`, config: { rateLimit: BENCH_RATE_LIMIT } });
      const { authSecret } = await tenants.getSecrets(tenant.id);
      const connection = await storage.openTenantDatabase(tenant.id);
      const email = `bench@${slug}.example.com`;
      const token = randomBytes(24).toString("base64url");
      const user = await connection.db.user.create({
        data: { id: randomUUID(), name: "Bench User", email, emailVerified: true },
      });
      await connection.db.session.create({
        data: { id: randomUUID(), token, userId: user.id, expiresAt: new Date(Date.now() + 7 * 24 * 3600_000) },
      });
      await connection.close();
      const name = `${tenantCookiePrefix(tenant)}.session_token`;
      const cookie = (await serializeSignedCookie(name, token, authSecret)).split(";")[0]!;
      sessions.push({ slug, cookie, email });
    }
    return sessions;
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
