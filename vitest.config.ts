import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Separate from vite.config.ts so tests do not load the Remix plugin, and with explicit globs
// so Vitest never picks up the Playwright specs under tests/e2e. Two projects: the server's
// unit and integration tests in Node, and the widgets' unit tests in Chromium.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["app/**/*.test.ts", "tests/integration/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // Child processes rather than threads: native addons (better-sqlite3) and process-wide
          // state such as process.env stay isolated per worker.
          pool: "forks",
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 30_000,
        },
      },
      "./widgets/vitest.config.ts",
    ],
  },
});
