/**
 * `npm run bench`: every bench part, one after the other on the same build, in one report —
 * the targets first (ratios and bounds the issues set, met or not, with the share of the
 * machine other processes took during each part), then each part's own tables.
 *
 *   npm run bench                   markdown report on stdout, progress on stderr
 *   npm run bench -- --json         the same as JSON (for tracking)
 *   npm run bench -- --build        rebuild the app first
 *   npm run bench -- --only a,b     only these parts (names below)
 *
 * Each part is its own process (bench/<part>.ts), so one part's servers, heap and caches
 * never colour the next; it hands its figures over through BENCH_RESULT_FILE (part-result.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { RESULT_FILE_ENV, targetMet, type PartResult } from "./part-result";
import { ensureBuild, ROOT } from "./servers";

/** The parts, in the order they run: the hot path first, the slow data-heavy parts last. */
const PARTS = [
  "get-session",
  "password-flood",
  "many-tenants",
  "webhooks",
  "forward-auth",
  "oauth",
  "page-render",
  "user-search",
  "management-api",
] as const;
const SCRIPT: Record<(typeof PARTS)[number], string> = {
  "get-session": "run.ts",
  "password-flood": "password-flood.ts",
  "many-tenants": "many-tenants.ts",
  webhooks: "webhooks.ts",
  "forward-auth": "forward-auth.ts",
  oauth: "oauth.ts",
  "page-render": "page-render.ts",
  "user-search": "user-search.ts",
  "management-api": "management-api.ts",
};

type Outcome = { part: string; result: PartResult | null; output: string; seconds: number; exitCode: number | null };

function runPart(part: (typeof PARTS)[number], resultFile: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", SCRIPT[part])], {
      cwd: ROOT,
      env: { ...process.env, [RESULT_FILE_ENV]: resultFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.on("close", (exitCode) => {
      const result = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, "utf8")) as PartResult) : null;
      resolve({ part, result, output, seconds: (performance.now() - started) / 1000, exitCode });
    });
  });
}

const percent = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${os.platform()} ${os.arch()}, Node ${process.version}`;
}

function markdown(outcomes: Outcome[], buildNote: string): string {
  const rows = outcomes.flatMap(({ part, result }) =>
    result
      ? result.targets.map(
          (t) =>
            `| ${part} | ${t.name} | ${t.value} ${t.unit} | ${t.better === "higher" ? "≥" : "≤"} ${t.target} | ${targetMet(t) ? "yes" : "**no**"} | ${percent(result.otherCpu)} |`,
        )
      : [`| ${part} | **did not finish** | | | **no** | |`],
  );
  return [
    `# Portico bench, ${new Date().toISOString()}`,
    "",
    `Machine: ${machine()}; build: ${buildNote}. Every part shares the machine with its load generator; ` +
      "the last column is the CPU other processes took during that part (above 10%, compare ratios only).",
    "",
    "| Part | Measure | Value | Target | Met | Other CPU |",
    "| --- | --- | ---: | ---: | :---: | ---: |",
    ...rows,
    "",
    ...outcomes.flatMap(({ part, output, seconds }) => [
      `<details><summary>${part} (${Math.round(seconds)} s)</summary>`,
      "",
      output.trim(),
      "",
      "</details>",
      "",
    ]),
  ].join("\n");
}

const { values } = parseArgs({
  options: { json: { type: "boolean" }, build: { type: "boolean" }, only: { type: "string" } },
});
const chosen = values.only ? values.only.split(",").map((name) => name.trim()) : [...PARTS];
const unknown = chosen.filter((name) => !(PARTS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown part ${unknown.join(", ")}; the parts are ${PARTS.join(", ")}.`);
  process.exit(2);
}

const buildNote = ensureBuild({ force: values.build ?? false });
const resultsDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-results-"));
const outcomes: Outcome[] = [];
try {
  for (const part of PARTS.filter((name) => chosen.includes(name))) {
    console.error(`\n=== ${part} ===`);
    outcomes.push(await runPart(part, path.join(resultsDir, `${part}.json`)));
  }
} finally {
  rmSync(resultsDir, { recursive: true, force: true });
}
const report = {
  date: new Date().toISOString(),
  machine: machine(),
  build: buildNote.replaceAll("**", ""),
  parts: outcomes.map(({ part, result, seconds }) => ({
    ...(result ?? { part, failed: true }),
    seconds: Math.round(seconds),
  })),
  targetsMissed: outcomes.flatMap(({ part, result }) =>
    result ? result.targets.filter((t) => !targetMet(t)).map((t) => `${part}: ${t.name}`) : [`${part}: did not finish`],
  ),
};
console.log(values.json ? JSON.stringify(report, null, 2) : markdown(outcomes, buildNote));
// A part that crashed fails the run; a missed target is a finding, reported above.
if (outcomes.some((outcome) => outcome.result === null)) process.exitCode = 1;
