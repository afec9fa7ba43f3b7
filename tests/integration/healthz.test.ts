import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * /healthz against a control database that does not answer: a PostgreSQL URL on a port where
 * nothing listens. (Each Vitest file runs in its own process, so this environment is private.)
 */
describe("GET /healthz when the control database is down", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-healthz-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("answers 503 naming the control database, without details of the failure", async () => {
    process.env.PORTICO_DATA_DIR = dataDir;
    process.env.PORTICO_SECRET = "healthz-test-secret".padEnd(48, "h");
    process.env.DATABASE_URL = "postgresql://portico@127.0.0.1:1/nothing";
    const { loader } = await import("~/routes/healthz");
    const response = await loader();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({
      status: "error",
      failing: "control_database",
      message: "The control database does not answer.",
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
