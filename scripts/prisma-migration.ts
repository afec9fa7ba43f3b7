/**
 * `npm run db:migration -- <name>`: writes the SQL migrations that take each plane from the
 * schema of its last migration to its current schema.prisma, for SQLite and PostgreSQL.
 *
 * Prisma's `migrate dev` needs the native schema engine and a shadow database, and
 * `migrate diff --from-url` is refused with a driver adapter (docs/decisions/0002), so each
 * plane keeps `migrations/schema.snapshot.prisma`, the schema as of its latest migration,
 * and this script diffs snapshot → schema. Nothing is written to any database, but Prisma's
 * JavaScript engine still connects to one for PostgreSQL diffs: set MIGRATION_DATABASE_URL
 * (or TEST_DATABASE_URL) to any reachable PostgreSQL database.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsDir, type Plane, type Provider } from "~/db/paths.server";

const root = path.resolve(import.meta.dirname, "..");
// Prisma's CLI looks for a query engine library before running its JavaScript schema
// engine; any existing file passes that check and is never loaded.
const ENGINE_PLACEHOLDER = path.join(root, "package.json");
const postgresUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const DATABASE_URL = { sqlite: "file:./data/prisma-cli.db", postgresql: postgresUrl ?? "" };

const schemaFile = (plane: Plane) => path.join(root, "prisma", plane, "schema.prisma");
const snapshotFile = (plane: Plane) => path.join(root, "prisma", plane, "migrations", "schema.snapshot.prisma");

/** The same datamodel for another provider (only the datasource line differs). */
function forProvider(schema: string, provider: Provider, dir: string, label: string): string {
  const file = path.join(dir, `${label}.prisma`);
  writeFileSync(file, schema.replace('provider = "sqlite"', `provider = "${provider}"`));
  return file;
}

function diff(from: string, to: string, provider: Provider): string {
  const out = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: DATABASE_URL[provider], PRISMA_QUERY_ENGINE_LIBRARY: ENGINE_PLACEHOLDER },
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).toString();
  const sql = out.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n/m, "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}

function write(plane: Plane, provider: Provider, folderName: string, sql: string) {
  const folder = path.join(migrationsDir(plane, provider), folderName);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  console.log(`wrote ${path.relative(root, folder)}/migration.sql`);
}

function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("error: give the migration a snake_case name, e.g. npm run db:migration -- add_user_roles");
    process.exit(1);
  }
  if (!postgresUrl) {
    console.error(
      "error: set MIGRATION_DATABASE_URL to a reachable PostgreSQL database (needed for the PostgreSQL diff).",
    );
    process.exit(1);
  }
  const folderName = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "portico-migration-"));
  // The SQLite diff opens data/prisma-cli.db; a fresh clone has no data/ yet.
  mkdirSync(path.join(root, "data"), { recursive: true });
  try {
    for (const plane of ["control", "tenant"] as const) {
      const before = readFileSync(snapshotFile(plane), "utf8");
      const after = readFileSync(schemaFile(plane), "utf8");
      const changes = (["sqlite", "postgresql"] as const).map((provider) => ({
        provider,
        sql: diff(
          forProvider(before, provider, scratch, `${plane}-${provider}-before`),
          forProvider(after, provider, scratch, `${plane}-${provider}-after`),
          provider,
        ),
      }));
      if (changes.every((change) => !change.sql)) {
        console.log(`${plane}: no schema changes since the last migration`);
        continue;
      }
      for (const { provider, sql } of changes) write(plane, provider, folderName, sql);
      copyFileSync(schemaFile(plane), snapshotFile(plane));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
