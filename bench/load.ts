/**
 * One measured load against a running server, shared by the benches that compare several
 * requests on one server (forward-auth.ts, oauth.ts): a warm-up, then the measured run, with the
 * share of the machine other processes took. Any non-2xx answer fails the bench rather than
 * report a flattering figure.
 */
import autocannon from "autocannon";
import { watchOtherCpu } from "./machine";
import { CONNECTIONS, DURATION_S, WARMUP_S } from "./options";
import type { RunningServer } from "./servers";

export type Load = { url: string; headers: Record<string, string>; method?: "GET" | "POST"; body?: string };
export type Measured = { perSecond: number; p50Ms: number; p99Ms: number; total: number; otherCpu: number | null };

async function run(load: Load, durationS: number): Promise<autocannon.Result> {
  const result = await autocannon({ ...load, connections: CONNECTIONS, duration: durationS });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `Load on ${load.url} had ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return result;
}

export async function measure(server: RunningServer, load: Load): Promise<Measured> {
  await run(load, WARMUP_S);
  const otherCpu = watchOtherCpu([process.pid, server.pid]);
  const result = await run(load, DURATION_S);
  return {
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    otherCpu: otherCpu(),
  };
}
