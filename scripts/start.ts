/**
 * `npm start`: checks the configuration, builds the app when the build is missing or older
 * than the sources, then runs the production server. Whether this is a production
 * deployment is decided from the operator's own environment (NODE_ENV=production,
 * PORTICO_ENV=production or an https PUBLIC_URL) before NODE_ENV is set for React's sake.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, isProductionEnv, loadDotEnvFile, readEnv } from "~/config/env.server";

const root = path.resolve(import.meta.dirname, "..");
const serverBuild = path.join(root, "build", "server", "index.js");
// server.ts compiled to JavaScript (npm run build:server): what runs in production.
const compiledServer = path.join(root, "build", "server.js");
// The widgets' stable entry (widgets/vite.config.ts), written last by their build.
const widgetsBuild = path.join(root, "build", "widgets", "portico.js");

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(target)
      .filter((name) => name !== "generated")
      .map((name) => newestMtime(path.join(target, name))),
  );
}

function buildIsStale(): boolean {
  if (!existsSync(serverBuild)) return true;
  if (!existsSync(widgetsBuild) || !existsSync(compiledServer)) return true;
  const sources = ["app", "public", "widgets", "server.ts", "vite.config.ts", "package.json"]
    .map((p) => path.join(root, p))
    .filter(existsSync);
  const built = Math.min(...[serverBuild, widgetsBuild, compiledServer].map((file) => statSync(file).mtimeMs));
  return Math.max(...sources.map(newestMtime)) > built;
}

loadDotEnvFile();
const production = isProductionEnv(process.env);
try {
  readEnv({ ...process.env, PORTICO_ENV: production ? "production" : "development" });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[portico] Cannot start: ${error.message}`);
  process.exit(1);
}

if (buildIsStale()) {
  console.log("[portico] Building the app (first start or sources changed)…");
  execFileSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
  execFileSync("npx", ["vite", "build", "-c", "widgets/vite.config.ts"], { cwd: root, stdio: "inherit" });
  execFileSync("npm", ["run", "build:server"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PORTICO_BUILD_DIR: "" },
  });
}

// Plain JavaScript: nothing is transpiled at run time.
const server = spawn(process.execPath, [compiledServer], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", PORTICO_ENV: production ? "production" : "development" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
