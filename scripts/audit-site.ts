/**
 * `npm run audit:site [-- <base URL>]`: Lighthouse's performance, accessibility, best-practices
 * and SEO scores for the landing page and a docs page, run against Debian's Chromium. Fails
 * when any score is under 95. Without a URL it builds the app into a temp folder and starts it
 * on a free port with a fresh data directory, as production would run it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const root = path.resolve(import.meta.dirname, "..");
const PAGES = ["/", "/docs/quickstart"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const MINIMUM = 95;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed.`);
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}.`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url}/healthz did not answer within two minutes.`);
}

/** Builds the app and widgets into a temp folder and starts the production server on it. */
async function startLocalServer(): Promise<{ url: string; stop(): void }> {
  // Inside the repository (ignored by git): the server build resolves node_modules next to it.
  mkdirSync(path.join(root, ".cache"), { recursive: true });
  const buildDir = mkdtempSync(path.join(root, ".cache", "audit-build-"));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-audit-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env = { ...process.env, PORTICO_BUILD_DIR: buildDir };
  console.log(`[audit] Building into ${path.relative(root, buildDir)}…`);
  run("npx", ["remix", "vite:build", "--logLevel", "warn"], env);
  run("npx", ["vite", "build", "-c", "widgets/vite.config.ts"], env);
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...env,
      PORT: String(port),
      PUBLIC_URL: url,
      PORTICO_DATA_DIR: dataDir,
      NODE_ENV: "production",
      PORTICO_ENV: "development",
      DATABASE_URL: "",
    },
  });
  const stop = () => {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

type Scores = Record<(typeof CATEGORIES)[number], number>;

async function audit(url: string): Promise<Map<string, Scores>> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const results = new Map<string, Scores>();
    for (const page of PAGES) {
      const result = await lighthouse(`${url}${page}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page}.`);
      const { categories } = result.lhr;
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
      ) as Scores;
      results.set(page, scores);
      const failing = Object.values(result.lhr.audits).filter(
        (item) => item.score !== null && item.score < 0.9 && item.scoreDisplayMode !== "informative",
      );
      if (Object.values(scores).some((score) => score < MINIMUM))
        for (const item of failing)
          console.log(`  ${page}: ${item.id} – ${item.title} (${item.displayValue ?? item.score})`);
    }
    return results;
  } finally {
    chrome.kill();
  }
}

async function main() {
  const given = process.argv[2];
  const local = given ? null : await startLocalServer();
  const url = (given ?? local!.url).replace(/\/$/, "");
  try {
    const results = await audit(url);
    console.log(`\nLighthouse scores for ${url} (minimum ${MINIMUM}):`);
    console.table(Object.fromEntries(results));
    const below = [...results].flatMap(([page, scores]) =>
      Object.entries(scores)
        .filter(([, score]) => score < MINIMUM)
        .map(([category, score]) => `${page} ${category} ${score}`),
    );
    if (below.length) {
      console.error(`Below ${MINIMUM}: ${below.join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    local?.stop();
  }
}

await main();
