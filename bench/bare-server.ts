/**
 * The baseline for `npm run bench`: one plain better-auth instance behind a bare node:http
 * server, with no Express, Remix or tenant routing in front. It uses what a Portico tenant
 * uses (the Prisma adapter, the generated tenant client on a better-sqlite3 driver adapter,
 * the same kind of migrated SQLite file) and the same session, cookie and rate-limit options,
 * so the difference between the two is what Portico adds per request.
 *   BENCH_DB_FILE     a SQLite file already migrated with the tenant schema
 *   BENCH_SECRET      better-auth's secret
 *   BENCH_PUBLIC_URL  http://127.0.0.1:<PORT>
 *   PORT
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { toNodeHandler } from "better-auth/node";
import { createServer } from "node:http";
import { PrismaClient as TenantSqliteClient } from "../app/generated/tenant-sqlite/client";
import { TenantConfigSchema } from "../app/tenancy/config";
import { BENCH_RATE_LIMIT } from "./options";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const dbFile = requiredEnv("BENCH_DB_FILE");
const publicUrl = requiredEnv("BENCH_PUBLIC_URL");
const port = Number(requiredEnv("PORT"));

// The defaults a new Portico tenant gets, with the bench tenant's rate limit.
const config = TenantConfigSchema.parse({ rateLimit: BENCH_RATE_LIMIT });
// Same file URL and busy timeout as app/db/sqlite-storage.server.ts.
const db = new TenantSqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${dbFile}`, timeout: 5000 }) });

const auth = betterAuth({
  appName: "Bare better-auth",
  baseURL: publicUrl,
  secret: requiredEnv("BENCH_SECRET"),
  database: prismaAdapter(db, { provider: "sqlite" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: config.authMethods.emailPassword.minPasswordLength,
    maxPasswordLength: config.authMethods.emailPassword.maxPasswordLength,
    autoSignIn: true,
  },
  session: { expiresIn: config.session.expiresIn, updateAge: config.session.updateAge },
  trustedOrigins: [publicUrl],
  // No client IP header is set here, so every request shares better-auth's "no-trusted-ip"
  // bucket: the same one map lookup per request as Portico's per-IP bucket.
  rateLimit: { enabled: true, storage: "memory", window: config.rateLimit.window, max: config.rateLimit.max },
  telemetry: { enabled: false },
  logger: { level: "error" },
  advanced: {
    // Only the password-flood bench sends X-Forwarded-For (one address per sign-in, as Portico
    // behind its proxy reads it); get-session requests carry none and share one bucket.
    ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    cookiePrefix: "bench",
    useSecureCookies: false,
    defaultCookieAttributes: { path: "/", httpOnly: true, sameSite: "lax" },
  },
});

const server = createServer(toNodeHandler(auth));
server.listen(port, "127.0.0.1");

const shutdown = () => server.close(() => void db.$disconnect().finally(() => process.exit(0)));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
