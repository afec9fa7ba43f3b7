import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "~/config/env.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";
import type { Manifest } from "~/ops/backup.server";
import { TenantService } from "~/tenancy/tenants.server";
import { tempDir } from "../support/storage";

/**
 * `npm run backup` and `npm run restore` as an operator runs them (the real scripts, in their
 * own processes), against a data directory another process keeps writing to: every change
 * acknowledged before the backup started is in the restored copy, and the copy is a
 * consistent snapshot (the rows it has are exactly the first k written, no gaps).
 */
const repoRoot = path.resolve(import.meta.dirname, "../..");
const SEED = 200;

function run(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function mode(file: string): number {
  return statSync(file).mode & 0o777;
}

describe("backup and restore of a SQLite data directory", () => {
  const root = tempDir("portico-backup-");
  const dataDir = path.join(root, "data");
  const backupDir = path.join(root, "backup");
  const restoredDir = path.join(root, "restored");
  let storage: SqliteStorage;
  let tenantId: string;
  let secret: string;

  beforeAll(async () => {
    // The generated deployment secret, exactly as a deployment without PORTICO_SECRET gets it.
    secret = readEnv({ NODE_ENV: "test", PORTICO_DATA_DIR: dataDir, PORTICO_ENV: "development" }).secret;
    storage = new SqliteStorage(dataDir);
    const tenants = new TenantService(storage, secret);
    tenantId = (await tenants.create({ slug: "backed-up", name: "Backed up" })).id;
  });

  afterAll(async () => {
    await storage.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("copies every database consistently while writes go on, and restores every acknowledged change", async () => {
    const control = await storage.control();
    const tenant = await storage.openTenantDatabase(tenantId);
    let controlWrites = 0;
    let tenantWrites = 0;
    const writeControl = () =>
      control.auditEvent.create({
        data: {
          id: `evt-${String(controlWrites).padStart(6, "0")}`,
          tenantId,
          type: "user.updated",
          actorType: "system",
        },
      });
    const writeTenant = () =>
      tenant.db.user.create({
        data: {
          id: `usr-${String(tenantWrites).padStart(6, "0")}`,
          name: `User ${tenantWrites}`,
          email: `user-${tenantWrites}@backup.test`,
        },
      });
    for (let i = 0; i < SEED; i++) {
      await writeControl();
      controlWrites++;
      await writeTenant();
      tenantWrites++;
    }

    // Writers keep going, one acknowledged write after another, for the whole backup (yielding
    // to the event loop between writes, as a server does, so the backup's exit is noticed).
    let writing = true;
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const writers = Promise.all([
      (async () => {
        while (writing) {
          await writeControl();
          controlWrites++;
          await turn();
        }
      })(),
      (async () => {
        while (writing) {
          await writeTenant();
          tenantWrites++;
          await turn();
        }
      })(),
    ]);
    const ackedBefore = { control: controlWrites, tenant: tenantWrites };
    const backup = await run("backup", [backupDir], { PORTICO_DATA_DIR: dataDir });
    const ackedAfter = { control: controlWrites, tenant: tenantWrites };
    writing = false;
    await writers;
    await tenant.close();

    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain("Backed up 3 files");
    // The backup really ran under load.
    expect(ackedAfter.control).toBeGreaterThan(ackedBefore.control);
    expect(ackedAfter.tenant).toBeGreaterThan(ackedBefore.tenant);

    const manifest = JSON.parse(readFileSync(path.join(backupDir, "manifest.json"), "utf8")) as Manifest;
    const version = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string })
      .version;
    expect(manifest.portico.version).toBe(version);
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(60_000);
    expect(manifest.files.map((file) => file.path)).toEqual(["control.db", `tenants/${tenantId}.db`, "secret"]);
    for (const file of manifest.files) {
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file.bytes).toBe(statSync(path.join(backupDir, file.path)).size);
      expect(mode(path.join(backupDir, file.path))).toBe(0o600);
    }
    expect(manifest.files[0]!.migrations!.length).toBeGreaterThan(0);
    expect(manifest.files[1]!.migrations!.length).toBeGreaterThan(0);
    expect(mode(backupDir)).toBe(0o700);

    const restore = await run("restore", [backupDir], { PORTICO_DATA_DIR: restoredDir });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(mode(restoredDir)).toBe(0o700);
    expect(mode(path.join(restoredDir, "secret"))).toBe(0o600);
    // The restored deployment reads the same secret, so its sealed secrets still open.
    expect(readEnv({ NODE_ENV: "test", PORTICO_DATA_DIR: restoredDir, PORTICO_ENV: "development" }).secret).toBe(
      secret,
    );

    const restored = new SqliteStorage(restoredDir);
    try {
      const events = (await (await restored.control()).auditEvent.findMany({ where: { type: "user.updated" } }))
        .map((event) => event.id)
        .sort();
      const restoredTenant = await restored.openTenantDatabase(tenantId);
      const users = (await restoredTenant.db.user.findMany({ select: { id: true } })).map((user) => user.id).sort();
      await restoredTenant.close();
      // Every write acknowledged before the backup began, and no gap after it (a consistent snapshot).
      expect(events.length).toBeGreaterThanOrEqual(ackedBefore.control);
      expect(events.length).toBeLessThanOrEqual(ackedAfter.control);
      expect(events).toEqual(events.map((_, i) => `evt-${String(i).padStart(6, "0")}`));
      expect(users.length).toBeGreaterThanOrEqual(ackedBefore.tenant);
      expect(users.length).toBeLessThanOrEqual(ackedAfter.tenant);
      expect(users).toEqual(users.map((_, i) => `usr-${String(i).padStart(6, "0")}`));
    } finally {
      await restored.close();
    }
  });

  it("refuses to restore into a data directory that is not empty, and changes nothing there", async () => {
    const occupied = path.join(root, "occupied");
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, "control.db"), "live data");
    const restore = await run("restore", [backupDir, occupied], {});
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`The data directory ${occupied} is not empty`);
    expect(readFileSync(path.join(occupied, "control.db"), "utf8")).toBe("live data");
    expect(existsSync(path.join(occupied, "secret"))).toBe(false);
  });

  it("refuses a damaged backup before writing anything", async () => {
    const damaged = path.join(root, "damaged");
    await run("backup", [damaged], { PORTICO_DATA_DIR: dataDir });
    writeFileSync(path.join(damaged, "secret"), "tampered\n");
    const target = path.join(root, "from-damaged");
    const restore = await run("restore", [damaged, target], {});
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("secret does not match the manifest");
    expect(existsSync(target)).toBe(false);
  });

  it("refuses to write a backup over an earlier one", async () => {
    const backup = await run("backup", [backupDir], { PORTICO_DATA_DIR: dataDir });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain("is not empty; choose a new one");
  });
});
