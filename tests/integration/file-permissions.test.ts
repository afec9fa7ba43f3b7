/**
 * Issue 13, item 8: the data directory holds the deployment secret and every SQLite database;
 * no other user on the machine may read them, whatever the umask.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getLogger } from "~/ops/log.server";
import { readEnv } from "~/config/env.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";

const mode = (file: string) => statSync(file).mode & 0o777;

describe("data directory permissions", () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "portico-perms-"));
    // The most permissive umask a host might have.
    previousUmask = process.umask(0o000);
  });
  afterEach(() => {
    process.umask(previousUmask);
    vi.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it("creates the data directory 0700 and the control and tenant databases 0600", async () => {
    const dataDir = path.join(root, "data");
    const storage = new SqliteStorage(dataDir);
    try {
      const db = await storage.control();
      await db.$queryRawUnsafe("SELECT 1");
      await storage.createTenantDatabase("permstenant0000000000000");
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, "tenants"))).toBe(0o700);
      expect(mode(path.join(dataDir, "control.db"))).toBe(0o600);
      expect(mode(path.join(dataDir, "control.db-wal"))).toBe(0o600);
      expect(mode(storage.tenantFile("permstenant0000000000000"))).toBe(0o600);
    } finally {
      await storage.close();
    }
  });

  it("tightens a directory and database left readable by an older version", async () => {
    const dataDir = path.join(root, "old");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = new SqliteStorage(dataDir);
    await first.control();
    await first.close();
    chmodSync(path.join(dataDir, "control.db"), 0o644);
    chmodSync(dataDir, 0o755);
    const second = new SqliteStorage(dataDir);
    try {
      await second.control();
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, "control.db"))).toBe(0o600);
    } finally {
      await second.close();
    }
  });

  it("writes the generated secret 0600 in a 0700 directory, and tightens an existing one", () => {
    vi.spyOn(getLogger(), "warn").mockImplementation(() => undefined);
    const dataDir = path.join(root, "secret-data");
    readEnv({ PORTICO_DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, "secret"))).toBe(0o600);

    const file = path.join(dataDir, "secret");
    writeFileSync(file, "x".repeat(48));
    chmodSync(file, 0o644);
    readEnv({ PORTICO_DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv);
    expect(mode(file)).toBe(0o600);
  });
});
