import { randomUUID } from "node:crypto";
import { webhookDeps, type WebhookDeps } from "./deps.server";
import { setEndpointEnabled } from "./endpoints.server";
import { postWebhookRequest } from "./http-post.server";
import { deliveriesQueued } from "./outbox.server";
import { emailOwnersEndpointDisabled } from "./owner-notice.server";
import { openWebhookSecret, signWebhook } from "./signing.server";
import { refuseWebhookTarget } from "./ssrf.server";
import { errorField, log } from "~/ops/log.server";

/**
 * Standard Webhooks' retry schedule: the delay before each attempt (the first is immediate),
 * eight attempts in all over about 28 hours, each delay with ±10% jitter so a recovering
 * receiver is not hit by every retry at the same second.
 */
export const RETRY_SCHEDULE_MS = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];
export const REQUEST_TIMEOUT_MS = 15_000;
/** A claim outlives the request timeout, so only a dead dispatcher's claims expire. */
export const CLAIM_LEASE_MS = 60_000;
/** An endpoint failing without a single success for this long is disabled. */
export const FAILING_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;
const BATCH_SIZE = 50;

/** Milliseconds until the next attempt after `attemptsMade` failures, or null to give up. */
export function nextRetryDelay(attemptsMade: number, retryAfterMs: number | null, random = Math.random): number | null {
  const base = RETRY_SCHEDULE_MS[attemptsMade];
  if (base === undefined) return null;
  return Math.max(base * (0.9 + random() * 0.2), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

type Outcome = { status: number | null; body: string | null; error: string | null; retryAfterMs: number | null };

async function post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  const outcome = await postWebhookRequest(
    new URL(url),
    { "content-type": "application/json", "user-agent": "Portico-Webhooks/1", ...headers },
    body,
    REQUEST_TIMEOUT_MS,
  );
  return { ...outcome, retryAfterMs: parseRetryAfter(outcome.retryAfterHeader) };
}

async function disableEndpoint(
  endpoint: { id: string; tenantId: string; url: string },
  reason: string,
  deps: WebhookDeps,
): Promise<void> {
  await setEndpointEnabled(endpoint.tenantId, endpoint.id, false, deps, reason);
  await emailOwnersEndpointDisabled(endpoint, reason, deps).catch((error: unknown) =>
    log.error({ err: errorField(error) }, "Could not email the owners about a disabled webhook endpoint"),
  );
}

type ClaimedDelivery = {
  id: string;
  tenantId: string;
  messageId: string;
  endpointId: string;
  attempts: number;
  lease: Date;
};

/**
 * Claims due deliveries by setting `lockedUntil`: the conditional update succeeds for exactly
 * one process, and a claim left behind by a crashed one expires and is taken again.
 */
async function claimDue(deps: WebhookDeps): Promise<ClaimedDelivery[]> {
  const db = await deps.storage.control();
  const now = new Date();
  const unlocked = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
  const due = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, ...unlocked },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH_SIZE,
  });
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const claimed: ClaimedDelivery[] = [];
  for (const delivery of due) {
    const { count } = await db.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "pending", ...unlocked },
      data: { lockedUntil: lease },
    });
    if (count === 1) claimed.push({ ...delivery, lease });
  }
  return claimed;
}

async function deliver(
  delivery: ClaimedDelivery,
  deps: WebhookDeps,
): Promise<"succeeded" | "failed" | "retrying" | "cancelled"> {
  const db = await deps.storage.control();
  const [endpoint, message] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } }),
    db.webhookMessage.findUnique({ where: { id: delivery.messageId } }),
  ]);
  const owned = { id: delivery.id, lockedUntil: delivery.lease };
  if (!endpoint?.enabled || !message) {
    await db.webhookDelivery.updateMany({
      where: owned,
      data: { status: "cancelled", lockedUntil: null, completedAt: new Date() },
    });
    return "cancelled";
  }

  const started = Date.now();
  const refusal = await refuseWebhookTarget(new URL(endpoint.url));
  let outcome: Outcome;
  if (refusal) {
    outcome = { status: null, body: null, error: refusal, retryAfterMs: null };
  } else {
    const secrets = [openWebhookSecret(deps.deploymentSecret, endpoint.id, endpoint.secret)];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) {
      secrets.push(openWebhookSecret(deps.deploymentSecret, endpoint.id, endpoint.previousSecret));
    }
    const headers = signWebhook(secrets, { id: message.id, timestamp: new Date(), body: message.payload });
    outcome = await post(endpoint.url, headers, message.payload);
  }
  const finished = new Date();
  const attempt = delivery.attempts + 1;
  await db.webhookAttempt.create({
    data: {
      id: `att_${randomUUID().replaceAll("-", "")}`,
      deliveryId: delivery.id,
      attempt,
      responseStatus: outcome.status,
      responseBody: outcome.body,
      error: outcome.error,
      durationMs: finished.getTime() - started,
    },
  });

  const recorded = { attempts: attempt, lockedUntil: null, lastStatus: outcome.status, lastError: outcome.error };
  if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
    await db.webhookDelivery.updateMany({
      where: owned,
      data: { ...recorded, status: "succeeded", completedAt: finished },
    });
    if (endpoint.failingSince)
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } });
    return "succeeded";
  }

  if (outcome.status === 410) {
    await db.webhookDelivery.updateMany({
      where: owned,
      data: { ...recorded, status: "failed", completedAt: finished },
    });
    await disableEndpoint(endpoint, "The receiver answered 410 Gone.", deps);
    return "failed";
  }

  const failingSince = endpoint.failingSince ?? finished;
  if (!endpoint.failingSince) await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince } });
  const delay = nextRetryDelay(attempt, outcome.retryAfterMs);
  await db.webhookDelivery.updateMany({
    where: owned,
    data:
      delay === null
        ? { ...recorded, status: "failed", completedAt: finished }
        : { ...recorded, nextAttemptAt: new Date(finished.getTime() + delay) },
  });
  if (finished.getTime() - failingSince.getTime() >= FAILING_DISABLE_AFTER_MS) {
    await disableEndpoint(endpoint, "Every delivery failed for 5 days.", deps);
  }
  return delay === null ? "failed" : "retrying";
}

export type DispatchResult = Record<"claimed" | "succeeded" | "failed" | "retrying" | "cancelled", number>;

/** One pass: claims what is due and sends it (concurrently). */
export async function dispatchDue(deps: WebhookDeps = webhookDeps()): Promise<DispatchResult> {
  const claimed = await claimDue(deps);
  const result: DispatchResult = { claimed: claimed.length, succeeded: 0, failed: 0, retrying: 0, cancelled: 0 };
  const outcomes = await Promise.all(claimed.map((delivery) => deliver(delivery, deps)));
  for (const outcome of outcomes) result[outcome] += 1;
  return result;
}

/**
 * Runs dispatchDue every `intervalMs`, and at once when this process queues deliveries
 * (never two passes at once: a wake-up during a pass runs one more pass after it). Returns a
 * stop function that starts no new pass and resolves once the pass in flight has finished, so
 * every delivery it claimed is recorded and its claim (`lockedUntil`) cleared.
 */
export function startWebhookDispatcher({
  intervalMs = 1000,
  deps = webhookDeps(),
}: { intervalMs?: number; deps?: WebhookDeps } = {}): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = dispatchDue(deps)
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: errorField(error) }, "Webhook dispatch failed"),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  const timer = setInterval(pass, intervalMs);
  // The dispatcher never keeps the process alive on its own.
  timer.unref();
  deliveriesQueued.on("queued", pass);
  return async () => {
    stopped = true;
    clearInterval(timer);
    deliveriesQueued.off("queued", pass);
    // A pass that finishes may start the "again" pass before `stopped` is seen: wait for both.
    while (running) await running;
  };
}
