import { randomInt } from "node:crypto";
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_TWILIO } from "./tests/support/twilio-receiver";

// A random port per run (kept in the environment so workers agree), so several runs on one
// machine (developers, CI, benchmarks) never fight over the same port.
process.env.PORTICO_E2E_PORT ??= String(20_000 + randomInt(20_000));
const PORT = Number(process.env.PORTICO_E2E_PORT);
const BASE_URL = `http://localhost:${PORT}`;
// Where the phone tests' Twilio-compatible receiver listens (tests/e2e/phone.test.ts).
process.env.PORTICO_E2E_TWILIO_PORT ??= String(40_000 + randomInt(20_000));
// Where the bot-protection tests' stand-in for a CAPTCHA siteverify and the HIBP range API listens.
process.env.PORTICO_E2E_BOTS_PORT ??= String(40_000 + randomInt(20_000));

// This file is evaluated again in every worker process. Workers inherit the runner's
// environment, so the first evaluation picks the data directory and later ones reuse it:
// the server and the tests then agree on one fresh directory per run.
function e2eDataDir(): string {
  const existing = process.env.PORTICO_E2E_DATA_DIR;
  if (existing) {
    mkdirSync(existing, { recursive: true });
    return existing;
  }
  return mkdtempSync(path.join(os.tmpdir(), "portico-e2e-"));
}

function e2eBuildDir(): string {
  const cache = path.join(import.meta.dirname, ".cache");
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(path.join(cache, "e2e-build-"));
}

process.env.PORTICO_E2E_DATA_DIR = e2eDataDir();
// Each run builds the app once into its own folder, shared by all its tests, so a rebuild
// elsewhere (a developer, another run) cannot swap the files under a running server.
// It lives inside the repository (ignored by git) because the server build resolves its
// dependencies from node_modules next to it.
process.env.PORTICO_E2E_BUILD_DIR ??= e2eBuildDir();
process.env.PORTICO_E2E_BASE_URL = BASE_URL;
// The shared server's log, read by the global teardown.
process.env.PORTICO_E2E_LOG ??= path.join(process.env.PORTICO_E2E_DATA_DIR, "server.log");

const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never" }]],
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        // Debian's Chromium, so Playwright never downloads a browser (no internet here).
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        },
      },
    },
  ],
  // One production build of the app, shared by every test and worker.
  webServer: {
    // The compiled server, as in production; its log (JSON lines) is kept for
    // tests/e2e/global-teardown.ts, which checks that no password or token reached it.
    command:
      "npx remix vite:build --logLevel warn && npx vite build -c widgets/vite.config.ts && npm run --silent build:server" +
      ` && node "${process.env.PORTICO_E2E_BUILD_DIR}/server.js" 2>&1 | tee -a "${process.env.PORTICO_E2E_LOG}"`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: {
      PORT: String(PORT),
      PORTICO_BUILD_DIR: process.env.PORTICO_E2E_BUILD_DIR,
      PUBLIC_URL: BASE_URL,
      PORTICO_DATA_DIR: process.env.PORTICO_E2E_DATA_DIR,
      // Tests send a random X-Forwarded-For per test so per-IP rate limits do not collide.
      PORTICO_TRUST_PROXY: "loopback",
      PORTICO_DEMO_TENANT: "true",
      // Text messages go to the phone tests' receiver, a stand-in for Twilio's Messages API.
      SMS_TWILIO_ACCOUNT_SID: E2E_TWILIO.accountSid,
      SMS_TWILIO_AUTH_TOKEN: E2E_TWILIO.authToken,
      SMS_FROM: E2E_TWILIO.from,
      SMS_TWILIO_BASE_URL: `http://127.0.0.1:${process.env.PORTICO_E2E_TWILIO_PORT}`,
      // Third-party CAPTCHA checks and breached-password lookups go to tests/e2e/bot-protection.test.ts.
      PORTICO_CAPTCHA_VERIFY_URL: `http://127.0.0.1:${process.env.PORTICO_E2E_BOTS_PORT}/siteverify`,
      PORTICO_HIBP_RANGE_URL: `http://127.0.0.1:${process.env.PORTICO_E2E_BOTS_PORT}/range/`,
      PORTICO_ALLOW_OUTBOUND: "true",
      // Queued mail reaches the tests' SMTP servers within a fraction of a second.
      PORTICO_EMAIL_POLL_MS: "200",
      // Platform branding (APP_*) with values the branding and marketing tests look for.
      APP_NAME: "Portico",
      APP_PRIMARY_COLOR: "#0f766e",
      APP_SUPPORT_EMAIL: "support@portico.test",
      APP_TERMS_URL: "https://portico.test/terms",
      APP_PRIVACY_URL: "https://portico.test/privacy",
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      // Production build, but a generated secret in the data dir is fine for tests.
      PORTICO_ENV: "development",
      // The server otherwise inherits this process's environment; an empty value means "unset"
      // (SQLite in the data dir) unless the run explicitly asks for PostgreSQL.
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
