/**
 * Webhook delivery: throughput of the dispatcher draining a burst to a local receiver, and
 * enqueue-to-delivery latency at a steady event rate with the dispatcher running as the app
 * runs it (startWebhookDispatcher, 1 s passes). SQLite control database, real HTTP, real
 * Standard Webhooks signing; the receiver answers 204 at once.
 *
 *   npx tsx bench/webhooks.ts [--burst 2000] [--rate 50] [--seconds 10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SqliteStorage } from "../app/db/sqlite-storage.server";
import { TenantService } from "../app/tenancy/tenants.server";
import type { WebhookDeps } from "../app/webhooks/deps.server";
import { dispatchDue, startWebhookDispatcher } from "../app/webhooks/dispatcher.server";
import { createEndpoint } from "../app/webhooks/endpoints.server";
import { enqueueEvent } from "../app/webhooks/outbox.server";
import { watchOtherCpu } from "./machine";
import { recordPart, target } from "./part-result";

const { values: args } = parseArgs({
  options: {
    burst: { type: "string", default: "2000" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
  },
});
const BURST = Number(args.burst);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const SECRET = "webhook-bench-deployment-secret".padEnd(48, "w");

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE = "true";
const received = new Map<string, number>();
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    received.set(String(request.headers["webhook-id"]), performance.now());
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const { port } = receiver.address() as AddressInfo;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-webhook-bench-"));
const storage = new SqliteStorage(dataDir);
const deps: WebhookDeps = { storage, deploymentSecret: SECRET };
try {
  const tenant = await new TenantService(storage, SECRET).create({ slug: "webhook-bench", name: "Webhook bench" });
  await createEndpoint(tenant.id, { url: `http://127.0.0.1:${port}/hook`, description: "", eventTypes: ["*"] }, deps);

  const otherCpu = watchOtherCpu([process.pid]);
  // 1. Throughput: queue a burst, then run dispatcher passes back to back until it is drained.
  for (let i = 0; i < BURST; i++) await enqueueEvent(tenant.id, "user.updated", { n: i }, deps);
  const drainStart = performance.now();
  while (received.size < BURST) {
    const { claimed } = await dispatchDue(deps);
    if (claimed === 0 && received.size < BURST) throw new Error(`Stalled at ${received.size} of ${BURST}.`);
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  console.log(
    `Throughput: ${BURST} deliveries in ${drainSeconds.toFixed(1)} s = ${Math.round(BURST / drainSeconds)} deliveries/s`,
  );

  // 2. Latency: a steady stream of events with the app's own dispatcher loop.
  received.clear();
  const stop = startWebhookDispatcher({ deps });
  const queuedAt = new Map<string, number>();
  const total = RATE * SECONDS;
  for (let i = 0; i < total; i++) {
    const at = performance.now();
    const { messageId } = await enqueueEvent(tenant.id, "user.updated", { n: i }, deps);
    queuedAt.set(messageId, at);
    await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
  }
  const deadline = performance.now() + 30_000;
  while (received.size < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  stop();
  const latencies = [...queuedAt].map(([id, at]) => received.get(id)! - at).sort((a, b) => a - b);
  if (latencies.some(Number.isNaN)) throw new Error("Some events were never delivered.");
  console.log(
    `Enqueue-to-delivery at ${RATE} events/s for ${SECONDS} s (the app's dispatcher: woken by each enqueue, a pass every 1 s): ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
  );
  const [load] = os.loadavg();
  if (load! > os.cpus().length)
    console.warn(`Load average ${load!.toFixed(1)} on ${os.cpus().length} cores: these figures are unreliable.`);
  const deliveriesPerSecond = BURST / drainSeconds;
  const p50Ms = percentile(latencies, 50);
  const p99Ms = percentile(latencies, 99);
  recordPart({
    part: "webhooks",
    title: "Webhook deliveries",
    otherCpu: otherCpu(),
    figures: { burst: BURST, deliveriesPerSecond, steadyRate: RATE, seconds: SECONDS, p50Ms, p99Ms },
    targets: [
      target("Deliveries per second to a local receiver", deliveriesPerSecond, ">= 1000", "per s"),
      target(`Enqueue to delivery p99 at ${RATE} events/s`, p99Ms, "<= 1000", "ms"),
    ],
  });
} finally {
  receiver.close();
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
}
