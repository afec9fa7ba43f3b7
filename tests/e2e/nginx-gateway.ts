import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
import path from "node:path";

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

/** The nginx configuration of docs/gateways.md, for one tenant on Portico at `porticoOrigin`. */
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
  const portico = new URL(porticoOrigin);
  const runAsRoot = process.getuid?.() === 0 ? "user root;" : "";
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

  upstream portico { server 127.0.0.1:${portico.port}; }
  upstream app { server 127.0.0.1:${upstreamPort}; }

  server {
    listen 127.0.0.1:${port};

    location / {
      auth_request /.portico/auth;
      auth_request_set $portico_user $upstream_http_x_portico_user_id;
      auth_request_set $portico_email $upstream_http_x_portico_email;
      auth_request_set $portico_org $upstream_http_x_portico_org_id;
      auth_request_set $portico_roles $upstream_http_x_portico_roles;
      auth_request_set $portico_token $upstream_http_x_portico_token;
      auth_request_set $portico_location $upstream_http_location;
      auth_request_set $portico_decision $upstream_http_x_portico_decision;
      auth_request_set $portico_retry_after $upstream_http_retry_after;
      error_page 401 = @portico_unauthenticated;
      error_page 403 = @portico_forbidden;

      # Always set, so a client's own X-Portico-* headers never reach the app (empty = removed).
      proxy_set_header X-Portico-User-Id $portico_user;
      proxy_set_header X-Portico-Email $portico_email;
      proxy_set_header X-Portico-Org-Id $portico_org;
      proxy_set_header X-Portico-Roles $portico_roles;
      proxy_set_header X-Portico-Token $portico_token;
      proxy_pass http://app;
    }

    location = /.portico/auth {
      internal;
      proxy_pass http://portico/t/${slug}/forward-auth/nginx;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header Host ${portico.host};
      proxy_set_header X-Forwarded-Method $request_method;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Uri $request_uri;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    location = /.portico/callback {
      proxy_pass http://portico/t/${slug}/forward-auth/callback;
      proxy_set_header Host ${portico.host};
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    location @portico_unauthenticated {
      if ($portico_location) { return 302 $portico_location; }
      default_type application/json;
      return 401 '{"error":{"code":"unauthenticated","message":"Send a valid bearer token or sign in first."}}';
    }

    location @portico_forbidden {
      default_type application/json;
      if ($portico_decision = rate_limited) {
        add_header Retry-After $portico_retry_after always;
        return 429 '{"error":{"code":"rate_limited","message":"Too many requests."}}';
      }
      return 403 '{"error":{"code":"forbidden","message":"You may not open this page."}}';
    }
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
