import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { freePort, repoRoot, startServer, type ServerProcess } from "./server-process";

/**
 * Several Portico instances of the e2e build behind a round-robin proxy, sharing one fresh
 * PostgreSQL database and a Redis of the test's own: the deployment docs/self-hosting.md's
 * "High availability" section describes, on one machine.
 */
const execFileAsync = promisify(execFile);

/** A request header naming the instance (0, 1, 2…) the proxy must send this request to. */
export const INSTANCE_HEADER = "x-test-instance";

export type OwnRedis = {
  url: string;
  port: number;
  /** `redis-cli shutdown nosave`: the server goes away as in an outage. */
  shutdown(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
};

/** A redis-server of the test's own on a free port (never the machine's shared one), keeping nothing on disk. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    for (let tries = 0; ; tries++) {
      const pong = await execFileAsync("redis-cli", ["-p", String(port), "ping"]).then(
        ({ stdout }) => stdout.trim(),
        () => "",
      );
      if (pong === "PONG") return;
      if (tries > 50) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async shutdown() {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      await execFileAsync("redis-cli", ["-p", String(port), "shutdown", "nosave"]).catch(() => undefined);
      await exited;
    },
    restart: start,
  };
}

export type RoundRobinProxy = { origin: string; port: number; upstreams: number[]; close(): Promise<void> };

/**
 * A load balancer in a few lines: each request goes to the next instance (or the one named by
 * INSTANCE_HEADER), with X-Forwarded-For/-Host/-Proto as a real one sets them. An instance that
 * refuses the connection (killed) is skipped, as a health-checking balancer would.
 */
export async function startRoundRobinProxy(port: number): Promise<RoundRobinProxy> {
  const upstreams: number[] = [];
  let next = 0;
  const forward = (req: IncomingMessage, body: Buffer, res: import("node:http").ServerResponse, tried: number) => {
    const named = req.headers[INSTANCE_HEADER];
    const index = named !== undefined ? Number(named) : next++ % upstreams.length;
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const headers: Record<string, string | string[] | undefined> = {
      ...req.headers,
      "x-forwarded-for": forwardedFor,
      "x-forwarded-proto": "http",
    };
    delete headers[INSTANCE_HEADER];
    const upstream = httpRequest(
      { host: "127.0.0.1", port: upstreams[index], method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" && named === undefined && tried < upstreams.length) {
        return forward(req, body, res, tried + 1);
      }
      if (!res.headersSent) res.writeHead(502).end(`proxy: ${error.message}`);
      else res.destroy();
    });
    upstream.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => forward(req, Buffer.concat(chunks), res, 1));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    port,
    upstreams,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every instance's /metrics answers this Bearer token. */
export const METRICS_TOKEN = randomBytes(24).toString("base64url");

/** One series' value in an instance's /metrics, 0 when absent. */
export async function metricValue(instance: ServerProcess, series: string): Promise<number> {
  const response = await fetch(`${instance.origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await response.text()).split("\n").find((entry) => entry.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

export type Cluster = {
  proxy: RoundRobinProxy;
  instances: ServerProcess[];
  redis: OwnRedis;
  databaseUrl: string;
  /** The environment every instance shares (DATABASE_URL, REDIS_URL, PORTICO_SECRET, PUBLIC_URL). */
  sharedEnv: Record<string, string>;
  /** Runs a snippet with the shared environment and `getPortico()`'s services in scope; returns what it prints. */
  script(snippet: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Starts `count` instances at once (so their migrations race, as in a rolling deploy of a
 * fresh cluster) on `databaseUrl`, with a Redis of their own and a proxy in front.
 */
export async function startCluster(
  databaseUrl: string,
  { count = 3, env = {} }: { count?: number; env?: Record<string, string> } = {},
): Promise<Cluster> {
  const redis = await startOwnRedis();
  const proxy = await startRoundRobinProxy(await freePort());
  const sharedEnv: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    PUBLIC_URL: proxy.origin,
    PORTICO_SECRET: randomBytes(32).toString("base64url"),
    PORTICO_DEMO_TENANT: "false",
    PORTICO_WEBHOOKS_ALLOW_PRIVATE: "true",
    PORTICO_METRICS_TOKEN: METRICS_TOKEN,
    ...env,
  };
  const instances = await Promise.all(Array.from({ length: count }, () => startServer(sharedEnv)));
  proxy.upstreams.push(...instances.map((instance) => instance.port));
  return {
    proxy,
    instances,
    redis,
    databaseUrl,
    sharedEnv,
    async script(snippet) {
      const code = `
        const { getPortico } = await import("./app/context.server.ts");
        const portico = getPortico();
        // Its tenant changes are announced to the instances, as the tenant CLI's are (decision 0016).
        try { ${snippet} } finally { await portico.changes.close(); await portico.storage.close(); }
        process.exit(0);`;
      const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
        cwd: repoRoot,
        timeout: 120_000,
        env: { ...process.env, ...sharedEnv, PORTICO_ENV: "development", LOG_LEVEL: "warn" },
      });
      return stdout;
    },
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await proxy.close();
      await redis.shutdown();
    },
  };
}
