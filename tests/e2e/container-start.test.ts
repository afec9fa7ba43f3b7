import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The container image cannot be built here (no container engine), so this starts the server the
 * way the image does: the Dockerfile's runtime ENV and CMD, with the production build the
 * Playwright web server made, then runs the image's HEALTHCHECK command against it.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

/** The JSON (exec) form of an instruction of the runtime stage, e.g. CMD ["node", …]. */
function execForm(keyword: string): string[] {
  const line = runtimeStage.split("\n").find((entry) => entry.startsWith(`${keyword} `));
  if (!line) throw new Error(`No ${keyword} in the Dockerfile's runtime stage`);
  return JSON.parse(line.slice(line.indexOf("["))) as string[];
}

const imageEnv = Object.fromEntries(
  [...runtimeStage.matchAll(/^ENV (.+)$/gm)].flatMap((match) =>
    [...match[1]!.matchAll(/([A-Z][A-Z0-9_]*)=(\S+)/g)].map((pair) => [pair[1]!, pair[2]!]),
  ),
);

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startLikeTheImage(env: Record<string, string>): Started {
  const [command, ...args] = execForm("CMD");
  // The image runs /app/build/server.js; here the compiled server sits in the run's build.
  const buildDir = process.env.PORTICO_E2E_BUILD_DIR!;
  const resolvedArgs = args.map((arg) => (arg.startsWith("build/") ? path.join(buildDir, arg.slice(6)) : arg));
  let output = "";
  // Only PATH from this process; NODE_ENV is listed for the type and replaced by the image's.
  const child = spawn(command!, resolvedArgs, {
    cwd: root,
    env: { NODE_ENV: "production", PATH: process.env.PATH, ...env },
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

test.describe("the container image's start command", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-image-"));
  // The image's /data, here a fresh directory; the build is the web server's.
  const baseEnv = () => ({
    ...imageEnv,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_BUILD_DIR: process.env.PORTICO_E2E_BUILD_DIR!,
    PORTICO_DEMO_TENANT: "false",
  });
  test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("serves the app, passes the image's health check and stops on SIGTERM", async ({ request }) => {
    expect(imageEnv).toMatchObject({ NODE_ENV: "production", PORTICO_DATA_DIR: "/data" });
    const port = String(20_000 + randomInt(20_000));
    const server = startLikeTheImage({
      ...baseEnv(),
      PORT: port,
      PUBLIC_URL: `http://localhost:${port}`,
      PORTICO_SECRET: randomBytes(48).toString("base64"),
    });
    try {
      await expect
        .poll(async () => (await request.get(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status(), {
          timeout: 60_000,
        })
        .toBe(200);
      expect(server.output()).toContain(`Listening on http://localhost:${port}`);

      const [command, ...args] = execForm("HEALTHCHECK");
      const healthy = await new Promise<number>((resolve) =>
        execFile(command!, args, {
          env: { ...imageEnv, NODE_ENV: "production", PATH: process.env.PATH, PORT: port },
        }).on("exit", (code) => resolve(code ?? 1)),
      );
      expect(healthy).toBe(0);
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
  });

  test("refuses to start without PORTICO_SECRET, naming it", async () => {
    const port = String(20_000 + randomInt(20_000));
    const server = startLikeTheImage({ ...baseEnv(), PORT: port, PUBLIC_URL: "https://auth.example.com" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("PORTICO_SECRET is required in production");
  });
});
