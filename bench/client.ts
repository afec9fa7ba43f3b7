/**
 * The bench's HTTP client side: signing a user up to get a session cookie, single timed
 * requests, and sustained load (autocannon). Every figure comes from answers checked to be
 * real sessions, so a broken cookie (get-session answers 200 with `null`) or a throttled run
 * (429) fails the bench instead of producing a fast-looking number.
 */
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

/** Where one tenant's (or the bare server's) better-auth API answers. */
export type AuthTarget = { origin: string; authUrl: string };

export type Session = { getSessionUrl: string; cookie: string; email: string };

/** Signs up a new user and returns the session cookie better-auth set (autoSignIn). */
export async function signUp(target: AuthTarget): Promise<Session> {
  const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
  const response = await fetch(`${target.authUrl}/sign-up/email`, {
    method: "POST",
    // better-auth checks a POST's Origin against the trusted origins (CSRF protection).
    headers: { origin: target.origin, "content-type": "application/json" },
    body: JSON.stringify({ email, name: "Bench User", password: "bench-password-1234" }),
  });
  if (!response.ok) throw new Error(`Sign-up at ${target.authUrl} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const session = { getSessionUrl: `${target.authUrl}/get-session`, cookie, email };
  await timedGetSession(session);
  return session;
}

/** One get-session request, from sending it until its body has arrived, in ms. */
export async function timedGetSession(session: Session): Promise<number> {
  const start = performance.now();
  const response = await fetch(session.getSessionUrl, { headers: { cookie: session.cookie } });
  const body = (await response.json().catch(() => null)) as { user?: { email?: string } } | null;
  const elapsed = performance.now() - start;
  if (response.status !== 200 || body?.user?.email !== session.email) {
    throw new Error(`get-session at ${session.getSessionUrl} answered ${response.status} ${JSON.stringify(body)}`);
  }
  return elapsed;
}

export type Throughput = { requestsPerSecond: number; total: number; p50Ms: number; p99Ms: number };
export type LoadOptions = { connections: number; durationS: number };

/** Closed-loop load: `connections` keep-alive connections, each sending its next request on an answer. */
function applyLoad(session: Session, { connections, durationS }: LoadOptions): Promise<autocannon.Result> {
  return autocannon({
    url: session.getSessionUrl,
    headers: { cookie: session.cookie },
    connections,
    duration: durationS,
  });
}

/** Load whose figures are thrown away: the server's JIT and caches settle first. */
export async function warmUp(session: Session, load: LoadOptions): Promise<void> {
  await applyLoad(session, load);
}

export async function measureThroughput(session: Session, load: LoadOptions): Promise<Throughput> {
  const result = await applyLoad(session, load);
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `Load on ${session.getSessionUrl} had ${result.non2xx} non-2xx answers, ${result.errors} errors, ` +
        `${result.timeouts} timeouts (status counts: ${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  // Spot-check that the server still answers with the session after the load.
  await timedGetSession(session);
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
