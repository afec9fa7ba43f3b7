import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import { CONTROL_SCHEMA } from "~/db/postgres-storage.server";
import { parseShutdownTimeout, resetDrainingForTests, startDraining } from "~/ops/lifecycle.server";
import { checkReadiness } from "~/ops/readiness.server";
import { createTestStorage, tempDir, testProviders, type TestStorage } from "../support/storage";

/**
 * /readyz's checks on real SQLite and PostgreSQL: ready when the control database answers
 * with every migration applied; 503 naming the failing check when one is missing, when the
 * database is gone, or while the instance drains for a shutdown.
 */
describe.each(testProviders())("readiness on %s", (provider: Provider) => {
  let test: TestStorage;
  beforeAll(async () => {
    test = await createTestStorage(provider);
  });
  afterAll(() => test.cleanup());
  afterEach(() => resetDrainingForTests());

  it("is ready when the control database answers with every migration applied", async () => {
    expect(await checkReadiness(test.storage)).toEqual({
      ready: true,
      checks: { control_database: "ok", migrations: "ok" },
    });
  });

  it("is not ready while a control-plane migration is missing", async () => {
    const db = await test.storage.control();
    const table = provider === "postgresql" ? `"${CONTROL_SCHEMA}"."_portico_migrations"` : `"_portico_migrations"`;
    const [latest] = await db.$queryRawUnsafe<{ name: string; checksum: string }[]>(
      `SELECT name, checksum FROM ${table} ORDER BY name DESC LIMIT 1`,
    );
    await db.$executeRawUnsafe(`DELETE FROM ${table} WHERE name = '${latest!.name}'`);
    try {
      expect(await checkReadiness(test.storage)).toEqual({
        ready: false,
        failing: "migrations",
        message: "1 control-plane migration(s) are not applied yet.",
      });
    } finally {
      const now = provider === "postgresql" ? "now()" : "'2026-01-01T00:00:00.000Z'";
      await db.$executeRawUnsafe(
        `INSERT INTO ${table} (name, checksum, applied_at) VALUES ('${latest!.name}', '${latest!.checksum}', ${now})`,
      );
    }
    expect((await checkReadiness(test.storage)).ready).toBe(true);
  });

  it("answers 503 'draining' once the shutdown has begun, whatever the database says", async () => {
    startDraining();
    expect(await checkReadiness(test.storage)).toEqual({
      ready: false,
      failing: "draining",
      message: "This instance is shutting down.",
    });
  });
});

describe("GET /readyz", () => {
  const dataDir = tempDir("portico-readyz-");
  afterEach(() => resetDrainingForTests());

  it("answers 200 with its checks, then 503 naming 'draining' during a shutdown, never cached", async () => {
    process.env.PORTICO_DATA_DIR = dataDir;
    process.env.PORTICO_SECRET = "readyz-test-secret".padEnd(48, "r");
    process.env.DATABASE_URL = "";
    const { loader } = await import("~/routes/readyz");
    const ready = await loader();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", checks: { control_database: "ok", migrations: "ok" } });
    startDraining();
    const draining = await loader();
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({
      status: "error",
      failing: "draining",
      message: "This instance is shutting down.",
    });
    expect(draining.headers.get("cache-control")).toBe("no-store");
  });
});

describe("PORTICO_SHUTDOWN_TIMEOUT", () => {
  it("defaults to 25 s and takes whole seconds", () => {
    expect(parseShutdownTimeout(undefined)).toBe(25_000);
    expect(parseShutdownTimeout("")).toBe(25_000);
    expect(parseShutdownTimeout("40")).toBe(40_000);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["0", "-5", "2.5", "25s", "9999"]) {
      expect(() => parseShutdownTimeout(bad)).toThrow(/PORTICO_SHUTDOWN_TIMEOUT/);
    }
  });
});
