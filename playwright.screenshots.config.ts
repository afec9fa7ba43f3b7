import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

/**
 * `npx playwright test -c playwright.screenshots.config.ts`: photographs the console's pages
 * for docs/console.md (scripts/screenshots/console-screenshots.ts), against the same freshly
 * built server as the e2e tests. Not part of `npm test`: run it when the console's look changes.
 */
export default defineConfig({
  ...e2e,
  testDir: "scripts/screenshots",
  testMatch: "*.ts",
  // Its own results folder: an e2e run going on at the same time keeps its traces.
  outputDir: ".cache/screenshot-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
});
