/**
 * Generates the four Prisma clients (control and tenant plane, each for SQLite and
 * PostgreSQL) from the two schemas under prisma/. A Prisma schema names one provider, and
 * a client only accepts a driver adapter of that provider, so the PostgreSQL schema of each
 * plane is the SQLite one with its provider and output swapped; it is written under
 * app/generated/ (ignored by git) rather than kept as a second copy to drift.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function postgresSchemaPath(plane: "control" | "tenant"): string {
  return path.join(root, "app", "generated", "schemas", `${plane}-postgresql.prisma`);
}

export function writePostgresSchema(plane: "control" | "tenant"): string {
  const source = readFileSync(path.join(root, "prisma", plane, "schema.prisma"), "utf8");
  const target = postgresSchemaPath(plane);
  const schema = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(`output     = "../../app/generated/${plane}-sqlite"`, `output     = "../${plane}-postgresql"`);
  if (!schema.includes('provider = "postgresql"') || !schema.includes(`../${plane}-postgresql`)) {
    throw new Error(`prisma/${plane}/schema.prisma no longer has the provider/output lines this script rewrites.`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, schema);
  return target;
}

// Prisma falls back to downloading its native query engine when the schema's url variable
// is unset or does not match the provider, so each run gets a placeholder of the right kind.
const PLACEHOLDER_URL = { sqlite: "file:./data/prisma-cli.db", postgresql: "postgresql://localhost/portico" };

function generate(schema: string, provider: keyof typeof PLACEHOLDER_URL) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: PLACEHOLDER_URL[provider], PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

if (process.argv[1] === import.meta.filename) {
  for (const plane of ["control", "tenant"] as const) {
    generate(path.join(root, "prisma", plane, "schema.prisma"), "sqlite");
    generate(writePostgresSchema(plane), "postgresql");
  }
  console.log("Generated Prisma clients in app/generated/");
}
