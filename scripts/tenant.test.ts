/**
 * The tenant CLI as an operator uses it: each test spawns `scripts/tenant.ts` against a fresh
 * data directory and checks what the operator sees (output, exit code) and what changed on disk
 * or in PostgreSQL. Calls that do not depend on each other run in parallel, since each costs ~1 s.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const PUBLIC_URL = "http://localhost:4567";
const SECRET = "s".repeat(48);

type Result = { code: number | null; stdout: string; stderr: string };
type ListedTenant = { id: string; slug: string; name: string; status: string; hostnames: string[]; createdAt: string };

function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
  // Only the variables under test: nothing from the developer's shell decides where data goes.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(PORTICO_|DATABASE_URL$|PUBLIC_URL$|NODE_ENV$)/.test(key)),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/tenant.ts", ...args], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: "test", PORTICO_DATA_DIR: dataDir, PORTICO_SECRET: SECRET, PUBLIC_URL, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A user mistake: exit 1 and exactly one `error: ` line, no stack trace. */
function expectOneLineError(result: Result, ...fragments: (string | RegExp)[]) {
  expect(result.code, result.stderr).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  for (const fragment of fragments) expect(lines[0]).toMatch(fragment);
}

async function listJson(dataDir: string, env?: Record<string, string>): Promise<ListedTenant[]> {
  const result = await runCli(dataDir, ["list", "--json"], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ListedTenant[];
}

describe("tenant CLI (SQLite)", () => {
  let dataDir: string;
  let acmeId: string;
  const tenantDb = (id: string) => path.join(dataDir, "tenants", `${id}.db`);
  const tenantFiles = () => readdirSync(path.join(dataDir, "tenants")).filter((name) => name.endsWith(".db"));

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "portico-cli-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a tenant with its own database and prints its id and sign-in URL", async () => {
    const result = await runCli(dataDir, ["create", "acme", "--name", "Acme Prod", "--hostname", "auth.acme.com"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("acme");
    expect(result.stdout).toContain(`${PUBLIC_URL}/t/acme/sign-in`);
    acmeId = /id:\s+([a-z0-9]{24})/.exec(result.stdout)?.[1] ?? "";
    expect(acmeId).toMatch(/^[a-z0-9]{24}$/);
    expect(existsSync(tenantDb(acmeId))).toBe(true);
  });

  it("lists the tenant as a table and as JSON", async () => {
    const [table, json] = await Promise.all([runCli(dataDir, ["list"]), listJson(dataDir)]);
    expect(json).toEqual([
      expect.objectContaining({
        id: acmeId,
        slug: "acme",
        name: "Acme Prod",
        status: "active",
        hostnames: ["auth.acme.com"],
      }),
    ]);
    expect(table.code, table.stderr).toBe(0);
    const [header, row, ...rest] = table.stdout.trim().split("\n");
    expect(header!.split(/\s{2,}/)).toEqual(["SLUG", "NAME", "STATUS", "HOSTNAMES", "CREATED"]);
    expect(row!.split(/\s{2,}/)).toEqual([
      "acme",
      "Acme Prod",
      "active",
      "auth.acme.com",
      json[0]!.createdAt.slice(0, 10),
    ]);
    expect(rest).toEqual([]);
  });

  it("refuses bad input with one error line, exit 1 and no change", async () => {
    const run = (args: string[], env?: Record<string, string>) => runCli(dataDir, args, env);
    const [taken, invalid, reserved, noName, noSlug, unknownTenant, unknownCommand, unknownFlag, badEnv] =
      await Promise.all([
        run(["create", "acme", "--name", "Another Acme"]),
        run(["create", "Bad_Slug", "--name", "Bad"]),
        run(["create", "admin", "--name", "Admin"]),
        run(["create", "beta"]),
        run(["create", "--name", "Nameless"]),
        run(["delete", "nope", "--yes"]),
        run(["frobnicate"]),
        run(["create", "gamma", "--name", "Gamma", "--colour", "red"]),
        run(["create", "delta", "--name", "Delta"], { DATABASE_URL: "mysql://localhost/portico" }),
      ]);
    expectOneLineError(taken, /slug/, /"acme" already exists/);
    expectOneLineError(invalid, /slug/i, /lowercase/);
    expectOneLineError(reserved, /slug/i, /reserved/);
    expectOneLineError(noName, /--name/);
    expectOneLineError(noSlug, /missing <slug>/);
    expectOneLineError(unknownTenant, /"nope"/);
    expectOneLineError(unknownCommand, /unknown command "frobnicate"/, /help/);
    expectOneLineError(unknownFlag, /--colour/);
    expectOneLineError(badEnv, /DATABASE_URL/);

    const after = await listJson(dataDir);
    expect(after.map((t) => [t.slug, t.id, t.name])).toEqual([["acme", acmeId, "Acme Prod"]]);
    expect(tenantFiles()).toEqual([`${acmeId}.db`]);
  });

  it("disables and enables a tenant", async () => {
    expect((await runCli(dataDir, ["disable", "acme"])).code).toBe(0);
    expect((await listJson(dataDir))[0]!.status).toBe("disabled");
    expect((await runCli(dataDir, ["enable", "acme"])).code).toBe(0);
    expect((await listJson(dataDir))[0]!.status).toBe("active");
  });

  it("will not delete without --yes", async () => {
    expectOneLineError(await runCli(dataDir, ["delete", "acme"]), /--yes/);
    expect((await listJson(dataDir)).map((t) => t.slug)).toEqual(["acme"]);
    expect(existsSync(tenantDb(acmeId))).toBe(true);
  });

  it("deletes the tenant and its database with --yes", async () => {
    const result = await runCli(dataDir, ["delete", "acme", "--yes"]);
    expect(result.code, result.stderr).toBe(0);
    expect(await listJson(dataDir)).toEqual([]);
    expect(tenantFiles()).toEqual([]);
  });

  it("prints usage for help, and exits 1 without a command", async () => {
    const [help, none] = await Promise.all([runCli(dataDir, ["help"]), runCli(dataDir, [])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: /);
    expect(help.stdout).toContain("delete <slug> --yes");
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Usage: /);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)("tenant CLI (PostgreSQL)", () => {
  const database = `portico_cli_${randomBytes(6).toString("hex")}`;
  let dataDir: string;
  let env: Record<string, string>;
  let db: pg.Client;

  const schemaExists = async (id: string) =>
    (await db.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [`tenant_${id}`])).rowCount === 1;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "portico-cli-pg-"));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    env = { DATABASE_URL: url.toString() };
    db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates, lists and deletes a tenant in its own schema", async () => {
    const created = await runCli(dataDir, ["create", "pgco", "--name", "PG Co"], env);
    expect(created.code, created.stderr).toBe(0);
    const id = /id:\s+([a-z0-9]{24})/.exec(created.stdout)?.[1] ?? "";
    expect(await schemaExists(id)).toBe(true);
    expect(await listJson(dataDir, env)).toEqual([expect.objectContaining({ id, slug: "pgco", name: "PG Co" })]);
    expect(existsSync(path.join(dataDir, "tenants"))).toBe(false);

    const deleted = await runCli(dataDir, ["delete", "pgco", "--yes"], env);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(await schemaExists(id)).toBe(false);
    expect(await listJson(dataDir, env)).toEqual([]);
  });
});
