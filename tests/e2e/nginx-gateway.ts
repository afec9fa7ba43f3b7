import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { nginxLocations } from "../../app/forward-auth/snippets";

/**
 * A real nginx (Debian's package; .ci/run installs it) with an `auth_request` configuration in
 * front of a small upstream, as docs/gateways.md tells operators to set it up, for
 * tests/e2e/forward-auth-nginx.test.ts.
 */
export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

export function nginxAvailable(): boolean {
  return existsSync(NGINX);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What the upstream saw: the path and every request header. */
export type UpstreamView = { path: string; headers: Record<string, string> };

/**
 * The protected app: answers every request with the request it saw, as JSON, or as a small
 * HTML page naming the user for browsers.
 */
export async function startUpstream(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createHttpServer((req, res) => {
    const view: UpstreamView = {
      path: req.url ?? "",
      headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)])),
    };
    if ((req.headers.accept ?? "").includes("text/html")) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      const email = req.headers["x-portico-email"] ?? "nobody";
      res.end(`<!doctype html><title>Protected app</title><h1>Hello ${String(email)}</h1><p>${view.path}</p>`);
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(view));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The console's and docs/gateways.md's nginx locations for one tenant, in a server of their own
 * (temp paths, a free port), in front of the upstream on `upstreamPort`.
 */
export function nginxConfig({
  dir,
  port,
  upstreamPort,
  porticoOrigin,
  slug,
}: {
  dir: string;
  port: number;
  upstreamPort: number;
  porticoOrigin: string;
  slug: string;
}): string {
  const runAsRoot = process.getuid?.() === 0 ? "user root;" : "";
  const locations = nginxLocations({ porticoOrigin, slug, appUpstream: `http://127.0.0.1:${upstreamPort}` });
  return `
${runAsRoot}
worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  server {
    listen 127.0.0.1:${port};
${locations}
  }
}
`;
}

export type RunningNginx = { port: number; origin: string; stop(): Promise<void>; errorLog(): string };

/** Starts nginx in the foreground with its own prefix, config, pid file and logs in a temp dir. */
export async function startNginx(options: { upstreamPort: number; porticoOrigin: string; slug: string }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portico-nginx-"));
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub));
  const port = await freePort();
  const config = path.join(dir, "nginx.conf");
  writeFileSync(config, nginxConfig({ dir, port, ...options }));
  const child: ChildProcess = spawn(
    NGINX,
    ["-p", dir, "-c", config, "-e", `${dir}/error.log`, "-g", `daemon off; pid ${dir}/nginx.pid;`],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const errorLog = () => (existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, "utf8") : "");
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errorLog()}`);
    try {
      await fetch(`${origin}/.portico/callback`, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start:\n${errorLog()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { port, origin, stop, errorLog } satisfies RunningNginx;
}
