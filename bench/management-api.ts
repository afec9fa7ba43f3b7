/**
 * Management API latency on a 100,000-user SQLite tenant: `GET /api/v1/users` (first page,
 * a deep page through the cursor, searches) and `GET /api/v1/users/{id}`, sequential
 * requests over real HTTP through the API's whole pipeline (key check, rate limit, scope,
 * validation, query, JSON). p50 and p99 per request.
 *
 *   npx tsx bench/management-api.ts [--users 100000] [--runs 200]
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { watchOtherCpu } from "./machine";
import { recordPart } from "./part-result";

const { values: args } = parseArgs({
  options: { users: { type: "string", default: "100000" }, runs: { type: "string", default: "200" } },
});
const USERS = Number(args.users);
const RUNS = Number(args.runs);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-management-api-bench-"));
process.env.PORTICO_DATA_DIR = dataDir;
process.env.PORTICO_SECRET = "management-api-bench-secret".padEnd(48, "x");
process.env.PORTICO_DEMO_TENANT = "false";
delete process.env.DATABASE_URL;

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Radia", "Linus"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Perlman"];

function userRow(i: number) {
  const number = String(i).padStart(6, "0");
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  // Prisma's SQLite driver adapter stores DateTime as ISO text with an explicit offset.
  const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace("Z", "+00:00");
  return {
    id: `bench${number}`.padEnd(32, "x"),
    name: `${first} ${last} ${number}`,
    email: `${first}.${last}.${number}@example${i % 50}.com`.toLowerCase(),
    externalId: `ext-${number}`,
    createdAt: created,
  };
}

/** Raw SQL in one transaction: seeding through the API would take minutes. */
function seed(file: string) {
  const db = new Database(file);
  try {
    const insert = db.prepare(
      `INSERT INTO "user" (id, name, email, emailVerified, createdAt, updatedAt, role, banned, externalId, publicMetadata)
       VALUES (@id, @name, @email, 1, @createdAt, @createdAt, 'user', 0, @externalId, '{"plan":"pro"}')`,
    );
    db.transaction(() => {
      for (let i = 0; i < USERS; i++) insert.run(userRow(i));
    })();
    db.exec("ANALYZE");
  } finally {
    db.close();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const { getPortico } = await import("../app/context.server");
  const { handleManagementApi } = await import("../app/management-api/handler.server");
  const { SqliteStorage } = await import("../app/db/sqlite-storage.server");
  const portico = getPortico();
  const tenant = await portico.tenants.create({ slug: "api-bench", name: "API bench" });
  if (!(portico.storage instanceof SqliteStorage)) throw new Error("The bench runs on SQLite.");
  const started = performance.now();
  seed(portico.storage.tenantFile(tenant.id));
  console.log(`Inserted ${USERS.toLocaleString("en")} users in ${Math.round(performance.now() - started)} ms.`);
  const { key } = await portico.apiKeys.create({
    tenant,
    name: "bench",
    scopes: ["users:read"],
    createdById: null,
    rateLimitPerMinute: 100_000,
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    headers.set("x-portico-client-ip", req.socket.remoteAddress ?? "");
    void handleManagementApi(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers })).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;

  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${key}` } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { data?: unknown[]; nextCursor?: string | null };
  };
  // A cursor about 90% of the way through the email order.
  let deepCursor = "";
  {
    const deepEmail = [...Array(USERS).keys()].map((i) => userRow(i).email).sort()[Math.floor(USERS * 0.9)]!;
    deepCursor = Buffer.from(JSON.stringify({ email: deepEmail })).toString("base64url");
  }
  const cases: [string, string][] = [
    ["list, first page (25)", "/users"],
    ["list, 100 per page", "/users?limit=100"],
    ["list, deep page (cursor ~90%)", `/users?cursor=${deepCursor}`],
    ["search, many matches", "/users?q=grace%20hopper"],
    ["search, one match", `/users?q=.${String(USERS - 1).padStart(6, "0")}@`],
    ["search, no match (full scan)", "/users?q=no-such-person"],
    ["get one user", `/users/${userRow(Math.floor(USERS / 2)).id}`],
  ];
  const rows = [];
  const otherCpu = watchOtherCpu([process.pid]);
  for (const [name, url] of cases) {
    for (let i = 0; i < 5; i++) await get(url);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await get(url);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    rows.push({
      request: `GET ${name}`,
      "p50 ms": percentile(samples, 50).toFixed(1),
      "p99 ms": percentile(samples, 99).toFixed(1),
    });
  }
  recordPart({
    part: "management-api",
    title: `Management API with ${USERS} users`,
    otherCpu: otherCpu(),
    figures: { users: USERS, runs: RUNS, requests: rows },
    targets: [],
  });
  console.log(`\nManagement API on SQLite, ${USERS.toLocaleString("en")} users, ${RUNS} sequential requests each:`);
  console.table(rows);
  const [load] = os.loadavg();
  if (load! > os.cpus().length)
    console.warn(`Load average ${load!.toFixed(1)} on ${os.cpus().length} cores: these figures are unreliable.`);
  server.close();
  await portico.registry.close();
  await portico.storage.close();
}

try {
  await main();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
