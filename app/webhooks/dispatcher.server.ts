import { randomUUID } from "node:crypto";
import type { Prisma, WebhookEndpoint } from "~/generated/control-sqlite/client";
import { LRUCache } from "lru-cache";
import { OutboxEngine } from "~/outbox/engine.server";
import { perTickLoader, perTickWriter } from "~/outbox/per-tick.server";
import { type OutboxClaim, type OutboxKind, type SendOutcome, type Settlement } from "~/outbox/kind.server";
import { retryDelay, type RetryPolicy } from "~/outbox/retry";
import type { WebhookDeps } from "./deps.server";
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
const BATCH_SIZE = 50;

/** The engine's retry policy: the schedule after the first attempt, Retry-After up to a day. */
const WEBHOOK_RETRY: RetryPolicy = {
  delaysMs: RETRY_SCHEDULE_MS.slice(1),
  jitter: 0.1,
  maxRetryAfterMs: 24 * 3_600_000,
};

/** Milliseconds until the next attempt after `attemptsMade` failures, or null to give up. */
export function nextRetryDelay(attemptsMade: number, retryAfterMs: number | null, random = Math.random): number | null {
  return retryDelay(WEBHOOK_RETRY, attemptsMade, retryAfterMs, random);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The receiver's answer to one attempt (a null status: no answer, see `error`). */
type ReceiverAnswer = {
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  error: string | null;
  retryAfterMs: number | null;
};

/** The headers every webhook request carries besides its signature. */
function requestHeaders(signature: Record<string, string>, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Portico-Webhooks/1",
    ...signature,
    "content-length": Buffer.byteLength(body).toString(),
  };
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<ReceiverAnswer> {
  const outcome = await postWebhookRequest(new URL(url), headers, body, REQUEST_TIMEOUT_MS);
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

/** The attempt log row a send leaves (`webhook_attempt`), written when the send is settled. */
type AttemptRow = Prisma.WebhookAttemptCreateManyInput;

/** A send as the webhook kind reports it: with the endpoint, the receiver's answer and its log row. */
type WebhookOutcome = SendOutcome & {
  endpoint: WebhookEndpoint | null;
  response: ReceiverAnswer | null;
  attempt: AttemptRow | null;
};

type DeliveryParts = {
  delivery: { id: string; endpointId: string; messageId: string };
  endpoint: WebhookEndpoint | null;
  message: { id: string; payload: string } | null;
};
type DeliveryUpdate = Prisma.WebhookDeliveryUpdateManyMutationInput;
type SettlementWrite = { claim: OutboxClaim; data: DeliveryUpdate; attempt: AttemptRow | null };

const GONE_REASON = "The receiver answered 410 Gone.";

/**
 * Webhook deliveries as an outbox kind: a batch of up to 50 sent concurrently. Each attempt
 * is logged in `webhook_attempt`; a delivery whose endpoint was disabled (or whose message is
 * gone) is cancelled; 410 Gone fails it at once and disables the endpoint. A batch's rows are
 * read in three queries and its settlements written together (per-tick.server.ts).
 */
export function webhookKind(deps: WebhookDeps): OutboxKind<WebhookOutcome> {
  const load = perTickLoader((ids) => loadDeliveries(ids, deps));
  const write = perTickWriter((items: SettlementWrite[]) => writeSettlements(items, deps));
  return {
    name: "webhook",
    table: "webhook_delivery",
    pendingStatus: "pending",
    leaseMs: CLAIM_LEASE_MS,
    // The request's own timeout, plus the target's DNS check and the attempt log.
    sendTimeoutMs: REQUEST_TIMEOUT_MS + 10_000,
    batchSize: BATCH_SIZE,
    passLimit: BATCH_SIZE,
    retry: WEBHOOK_RETRY,
    send: async (claim) => send(claim, (await load(claim.id)) ?? null, deps),
    settle: (claim, settlement, outcome) => settle(claim, settlement, outcome, write, deps),
  };
}

async function loadDeliveries(ids: string[], deps: WebhookDeps): Promise<Map<string, DeliveryParts>> {
  const db = await deps.storage.control();
  const deliveries = await db.webhookDelivery.findMany({
    where: { id: { in: ids } },
    select: { id: true, endpointId: true, messageId: true },
  });
  const [endpoints, messages] = await Promise.all([
    db.webhookEndpoint.findMany({ where: { id: { in: [...new Set(deliveries.map((d) => d.endpointId))] } } }),
    db.webhookMessage.findMany({
      where: { id: { in: [...new Set(deliveries.map((d) => d.messageId))] } },
      select: { id: true, payload: true },
    }),
  ]);
  const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const messageById = new Map(messages.map((message) => [message.id, message]));
  return new Map(
    deliveries.map((delivery) => [
      delivery.id,
      {
        delivery,
        endpoint: endpointById.get(delivery.endpointId) ?? null,
        message: messageById.get(delivery.messageId) ?? null,
      },
    ]),
  );
}

/**
 * Opened signing secrets by endpoint and sealed value (opening one derives a key): a rotation
 * seals a new value, so a stale entry is never used. Bounded like every cache here.
 */
const openedSecrets = new LRUCache<string, string>({ max: 1_000 });
function signingSecret(deps: WebhookDeps, endpointId: string, sealed: string): string {
  const key = `${endpointId}:${sealed}`;
  let secret = openedSecrets.get(key);
  if (secret === undefined)
    openedSecrets.set(key, (secret = openWebhookSecret(deps.deploymentSecret, endpointId, sealed)));
  return secret;
}

async function send(claim: OutboxClaim, parts: DeliveryParts | null, deps: WebhookDeps): Promise<WebhookOutcome> {
  if (!parts) throw new Error("The delivery row is gone.");
  const { delivery, endpoint, message } = parts;
  if (!endpoint?.enabled || !message) return { result: "withdrawn", endpoint, response: null, attempt: null };

  const started = Date.now();
  const refusal = await refuseWebhookTarget(new URL(endpoint.url));
  let response: ReceiverAnswer;
  let sent: Record<string, string> | null = null;
  if (refusal) {
    response = { status: null, headers: null, body: null, error: refusal, retryAfterMs: null };
  } else {
    const secrets = [signingSecret(deps, endpoint.id, endpoint.secret)];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) {
      secrets.push(signingSecret(deps, endpoint.id, endpoint.previousSecret));
    }
    const signature = signWebhook(secrets, { id: message.id, timestamp: new Date(), body: message.payload });
    sent = requestHeaders(signature, message.payload);
    response = await post(endpoint.url, sent, message.payload);
  }
  const attempt: AttemptRow = {
    id: `att_${randomUUID().replaceAll("-", "")}`,
    deliveryId: delivery.id,
    attempt: claim.attempts,
    requestHeaders: sent && JSON.stringify(sent),
    responseStatus: response.status,
    responseHeaders: response.headers && JSON.stringify(response.headers),
    responseBody: response.body,
    error: response.error,
    durationMs: Date.now() - started,
  };
  const { status } = response;
  if (status !== null && status >= 200 && status < 300) return { result: "delivered", endpoint, response, attempt };
  const error = response.error ?? `The receiver answered ${status}.`;
  if (status === 410) return { result: "failed", error: GONE_REASON, final: true, endpoint, response, attempt };
  return { result: "failed", error, retryAfterMs: response.retryAfterMs, endpoint, response, attempt };
}

/**
 * Writes a turn's settlements in one transaction: the attempt log rows, then one update per
 * group of deliveries that end the same way under the same claim (a burst of successes is one
 * statement), each only where the claim still holds (`lockedUntil`). A group's completedAt is
 * its latest; they lie within one turn of each other.
 */
async function writeSettlements(items: SettlementWrite[], deps: WebhookDeps): Promise<void> {
  const db = await deps.storage.control();
  const groups = new Map<string, { ids: string[]; lease: Date; data: DeliveryUpdate }>();
  for (const { claim, data } of items) {
    const { completedAt, ...rest } = data;
    const key = JSON.stringify([claim.lease.getTime(), rest]);
    const group = groups.get(key);
    if (!group) groups.set(key, { ids: [claim.id], lease: claim.lease, data: { ...data } });
    else {
      group.ids.push(claim.id);
      if (completedAt instanceof Date && completedAt > (group.data.completedAt as Date))
        group.data.completedAt = completedAt;
    }
  }
  const attempts = items.flatMap((item) => (item.attempt ? [item.attempt] : []));
  await db.$transaction([
    ...(attempts.length > 0 ? [db.webhookAttempt.createMany({ data: attempts })] : []),
    ...[...groups.values()].map((group) =>
      db.webhookDelivery.updateMany({
        where: { id: { in: group.ids }, lockedUntil: group.lease },
        data: { ...group.data, lockedUntil: null },
      }),
    ),
  ]);
}

async function settle(
  claim: OutboxClaim,
  settlement: Settlement,
  outcome: WebhookOutcome | null,
  write: (item: SettlementWrite) => Promise<void>,
  deps: WebhookDeps,
): Promise<void> {
  const record = (data: DeliveryUpdate) => write({ claim, data, attempt: outcome?.attempt ?? null });
  if (settlement.result === "withdrawn") {
    await record({ status: "cancelled", completedAt: settlement.at });
    return;
  }
  const db = await deps.storage.control();
  // The receiver's status, and the transport's error (a status is not an error of its own).
  const response = outcome?.response;
  const recorded = {
    lastStatus: response?.status ?? null,
    lastError: response ? response.error : settlement.result === "delivered" ? null : settlement.error,
  };
  const endpoint = outcome?.endpoint ?? null;
  if (settlement.result === "delivered") {
    await record({ ...recorded, status: "succeeded", completedAt: settlement.at });
    if (endpoint?.failingSince)
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } });
    return;
  }
  const done = { status: "failed", completedAt: settlement.at };
  if (response?.status === 410 && endpoint) {
    await record({ ...recorded, ...done });
    await disableEndpoint(endpoint, GONE_REASON, deps);
    return;
  }
  const failingSince = endpoint?.failingSince ?? settlement.at;
  if (endpoint && !endpoint.failingSince)
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince } });
  await record(
    settlement.result === "retrying"
      ? { ...recorded, nextAttemptAt: settlement.nextAttemptAt }
      : { ...recorded, ...done },
  );
  if (endpoint && settlement.at.getTime() - failingSince.getTime() >= FAILING_DISABLE_AFTER_MS) {
    await disableEndpoint(endpoint, "Every delivery failed for 5 days.", deps);
  }
}

export type DispatchResult = Record<"claimed" | "succeeded" | "failed" | "retrying" | "cancelled", number>;

/** One pass: claims what is due and sends it (concurrently). */
export async function dispatchDue(deps: WebhookDeps): Promise<DispatchResult> {
  const pass = await new OutboxEngine(deps.storage, webhookKind(deps)).deliverDue();
  return {
    claimed: pass.claimed,
    succeeded: pass.delivered,
    failed: pass.failed,
    retrying: pass.retrying,
    cancelled: pass.withdrawn,
  };
}

/**
 * Runs the webhook outbox every `intervalMs`, and at once when this process queues deliveries.
 * Returns a stop function that starts no new pass and resolves once the pass in flight has
 * finished, so every delivery it claimed is recorded and its claim (`lockedUntil`) cleared.
 */
export function startWebhookDispatcher({
  intervalMs = 1000,
  deps,
}: {
  intervalMs?: number;
  deps: WebhookDeps;
}): () => Promise<void> {
  const worker = new OutboxEngine(deps.storage, webhookKind(deps)).start({ intervalMs });
  deliveriesQueued.on("queued", worker.wake);
  return async () => {
    deliveriesQueued.off("queued", worker.wake);
    await worker.stop();
  };
}
