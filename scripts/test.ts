/**
 * `npm test`: unit and integration tests (Vitest), then the browser tests (Playwright), whose
 * web server builds the app once into its own folder and serves that build to every test. Output streams as it comes; the run stops at the
 * first failing step with that step's exit code, and always ends with one line
 * "N passed, N failed" summed over both test runners.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export type Counts = { passed: number; failed: number };

/** The fields of Vitest's `--reporter=json` output that the summary needs. */
export type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
};

/** The fields of Playwright's JSON reporter output that the summary needs. */
export type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number };
  errors: unknown[];
};

export function vitestCounts(report: VitestReport): Counts {
  // A file that fails to load has no failed tests but must still count as a failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
}

export function playwrightCounts(report: PlaywrightReport): Counts {
  // Flaky tests passed on retry; top-level errors (web server, global setup) fail the run.
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + report.errors.length,
  };
}

export function formatSummary(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed`;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

/** Runs a command with the terminal attached and returns its exit code. */
function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Playwright uses Debian's Chromium (it cannot download one here); install it when we can. */
export function ensureChromium(): void {
  const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (existsSync(chromium)) return;
  if (process.env.CHROMIUM_PATH) {
    fail(
      `CHROMIUM_PATH=${chromium} does not exist: point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}.`,
    );
  }
  if (process.getuid?.() !== 0 || !onPath("apt-get")) {
    fail(`Chromium not found at ${DEFAULT_CHROMIUM}: run \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH.`);
  }
  console.log(`Chromium not found at ${DEFAULT_CHROMIUM}: installing Debian's chromium package with apt-get.`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update"], env) !== 0 || run("apt-get", ["install", "-y", "chromium"], env) !== 0) {
    fail("Installing chromium failed; run `sudo apt-get install -y chromium` and retry.");
  }
}

function readReport<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

type Step = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Test counts from the step's report, if it is a test runner and wrote one. */
  counts?: () => Counts | undefined;
};

function main(): number {
  ensureChromium();
  const reports = mkdtempSync(path.join(os.tmpdir(), "portico-test-reports-"));
  const vitestReport = path.join(reports, "vitest.json");
  const playwrightReport = path.join(reports, "playwright.json");
  // Created here rather than by playwright.config.ts so it can be removed after a passing run.
  const e2eDataDir = mkdtempSync(path.join(os.tmpdir(), "portico-e2e-"));
  // Inside the repository: the server build resolves its dependencies from node_modules.
  mkdirSync(path.join(root, ".cache"), { recursive: true });
  const e2eBuildDir = mkdtempSync(path.join(root, ".cache", "e2e-build-"));

  const unitTests: Step = {
    name: "Unit and integration tests",
    command: "npx",
    args: ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
    counts: () => {
      const report = readReport<VitestReport>(vitestReport);
      return report && vitestCounts(report);
    },
  };
  const browserTests: Step = {
    name: "Browser tests",
    command: "npx",
    args: ["playwright", "test", "--reporter=list,json,html"],
    env: {
      PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
      PLAYWRIGHT_HTML_OPEN: "never",
      PORTICO_E2E_DATA_DIR: e2eDataDir,
      PORTICO_E2E_BUILD_DIR: e2eBuildDir,
    },
    counts: () => {
      const report = readReport<PlaywrightReport>(playwrightReport);
      return report && playwrightCounts(report);
    },
  };

  const total: Counts = { passed: 0, failed: 0 };
  let failed: { step: Step; exitCode: number } | undefined;
  try {
    for (const step of [unitTests, browserTests]) {
      const exitCode = run(step.command, step.args, step.env);
      // A runner that crashed before writing its report still counts as one failure.
      const counts = step.counts?.() ?? (step.counts && exitCode !== 0 ? { passed: 0, failed: 1 } : undefined);
      total.passed += counts?.passed ?? 0;
      total.failed += counts?.failed ?? 0;
      if (exitCode !== 0) {
        failed = { step, exitCode };
        break;
      }
    }
  } finally {
    rmSync(reports, { recursive: true, force: true });
    rmSync(e2eBuildDir, { recursive: true, force: true });
  }

  if (failed?.step === browserTests) {
    console.log(`\nKept the e2e server's data directory for inspection: ${e2eDataDir}`);
  } else {
    rmSync(e2eDataDir, { recursive: true, force: true });
  }
  if (failed) console.error(`\n${failed.step.name} failed (exit code ${failed.exitCode}).`);
  console.log(`\n${formatSummary(total)}`);
  if (failed) return failed.exitCode;
  if (total.failed > 0) return 1;
  if (total.passed === 0) {
    console.error("No tests ran.");
    return 1;
  }
  return 0;
}

if (process.argv[1] === import.meta.filename) {
  process.exitCode = main();
}
