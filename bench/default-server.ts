/**
 * The second baseline for `npm run bench`: better-auth in its default setup, as its docs start
 * you off: its built-in Kysely on a better-sqlite3 `Database`, behind node:http and
 * toNodeHandler, with the tables made by its own migrations at start-up. The same session,
 * cookie and rate-limit options as bench/bare-server.ts (bench/baseline-options.ts), so what
 * differs from the bare server is the database layer (Kysely instead of Prisma).
 *   BENCH_DB_FILE     a SQLite file (created and migrated here)
 *   and BENCH_SECRET, BENCH_PUBLIC_URL, PORT (bench/baseline-options.ts)
 */
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import Database from "better-sqlite3";
import { createServer } from "node:http";
import { baselineOptions, port, requiredEnv } from "./baseline-options";

const database = new Database(requiredEnv("BENCH_DB_FILE"));
// WAL, as Portico's tenant files and the bare server's (app/db/sqlite-storage.server.ts).
database.pragma("journal_mode = WAL");
const options = { ...baselineOptions("Default better-auth"), database };

await (await getMigrations(options)).runMigrations();
const server = createServer(toNodeHandler(betterAuth(options)));
server.listen(port, "127.0.0.1");

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
