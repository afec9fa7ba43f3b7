import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

/**
 * The widgets' unit tests, a project of the root vitest.config.ts: each component rendered in
 * Debian's Chromium (Vitest browser mode, Playwright provider), talking to
 * widgets/test/tenant-backend.ts.
 */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("../app", import.meta.url)) } },
  test: {
    name: "widgets",
    include: ["src/**/*.test.ts"],
    globalSetup: ["test/tenant-backend.ts"],
    testTimeout: 15_000,
    // After the Node project (which runs two workers): one Chromium, one file at a time.
    sequence: { groupOrder: 1 },
    maxWorkers: 1,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        },
      }),
      instances: [{ browser: "chromium" }],
    },
  },
});
