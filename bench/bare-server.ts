/**
 * The baseline for `npm run bench`: one plain better-auth instance behind a bare node:http
 * server, with no Express, Remix or tenant routing in front. It uses what a Portico tenant
 * uses (the Prisma adapter, the generated tenant client on a better-sqlite3 driver adapter,
 * the same kind of migrated SQLite file) and the same session, cookie and rate-limit options
 * (bench/baseline-options.ts), so the difference between the two is what Portico adds per
 * request.
 *   BENCH_DB_FILE     a SQLite file already migrated with the tenant schema
 *   and BENCH_SECRET, BENCH_PUBLIC_URL, PORT (bench/baseline-options.ts)
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { toNodeHandler } from "better-auth/node";
import { createServer } from "node:http";
import { PrismaClient as TenantSqliteClient } from "../app/generated/tenant-sqlite/client";
import { baselineOptions, port, requiredEnv } from "./baseline-options";

// Same file URL and busy timeout as app/db/sqlite-storage.server.ts.
const adapter = new PrismaBetterSQLite3({ url: `file:${requiredEnv("BENCH_DB_FILE")}`, timeout: 5000 });
const db = new TenantSqliteClient({ adapter });

const auth = betterAuth({
  ...baselineOptions("Bare better-auth"),
  database: prismaAdapter(db, { provider: "sqlite" }),
});

const server = createServer(toNodeHandler(auth));
server.listen(port, "127.0.0.1");

const shutdown = () => server.close(() => void db.$disconnect().finally(() => process.exit(0)));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
