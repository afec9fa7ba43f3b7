import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { ControlDb } from "~/db/clients.server";
import { WebhookNotFoundError, type WebhookDeps } from "./deps.server";
import { ALL_EVENTS, TEST_EVENT_TYPE } from "./event-types";
import { getEndpoint } from "./endpoints.server";

/**
 * The durable webhook outbox: an event becomes one message (the exact body every endpoint
 * gets) and one pending delivery per endpoint, written together so none is lost; the
 * dispatcher sends them.
 */
const newId = (prefix: string) => `${prefix}_${randomUUID().replaceAll("-", "")}`;

function messageRow(tenantId: string, type: string, data: unknown) {
  const createdAt = new Date();
  const payload = JSON.stringify({ type, timestamp: createdAt.toISOString(), data });
  return { id: newId("msg"), tenantId, type, payload, createdAt };
}

function deliveryRow(tenantId: string, messageId: string, endpointId: string) {
  return { id: newId("dlv"), tenantId, messageId, endpointId, nextAttemptAt: new Date() };
}

/**
 * Told when this process queued deliveries, so its dispatcher sends them at once instead of
 * at its next pass; deliveries queued by other processes wait for the pass (about a second).
 */
export const deliveriesQueued = new EventEmitter();

/**
 * The rows that queue an event for every enabled endpoint of the tenant subscribed to its
 * type: the message and one delivery per endpoint. Reading happens here, writing is left to
 * the caller's transaction: a transaction that reads before writing loses races to other
 * processes' writers on SQLite (SQLITE_BUSY_SNAPSHOT), and an endpoint disabled in between
 * only gets a delivery the dispatcher cancels.
 */
export async function webhookRows(db: ControlDb, tenantId: string, type: string, data: unknown) {
  const message = messageRow(tenantId, type, data);
  const endpoints = await db.webhookEndpoint.findMany({
    where: { tenantId, enabled: true },
    select: { id: true, eventTypes: true },
  });
  const deliveries = endpoints
    .filter((endpoint) => {
      const types = JSON.parse(endpoint.eventTypes) as string[];
      return types.includes(ALL_EVENTS) || types.includes(type);
    })
    .map((endpoint) => deliveryRow(tenantId, message.id, endpoint.id));
  return { message, deliveries };
}

/** Wakes this process's dispatcher after a transaction queued deliveries. */
export function announceQueued(deliveries: number): void {
  if (deliveries > 0) deliveriesQueued.emit("queued");
}

/** Queues an event on its own; changes that are audited queue theirs with the audit row (AuditLog.record). */
export async function enqueueEvent(
  tenantId: string,
  type: string,
  data: unknown,
  deps: WebhookDeps,
): Promise<{ messageId: string; deliveries: number }> {
  const db = await deps.storage.control();
  const { message, deliveries } = await webhookRows(db, tenantId, type, data);
  await db.$transaction([
    db.webhookMessage.create({ data: message }),
    db.webhookDelivery.createMany({ data: deliveries }),
  ]);
  announceQueued(deliveries.length);
  return { messageId: message.id, deliveries: deliveries.length };
}

export class EndpointDisabledError extends Error {
  constructor() {
    super("Enable the endpoint before sending it events.");
  }
}

/** A `webhook.test` event to one endpoint, whatever it subscribes to. */
export async function sendTestEvent(
  tenantId: string,
  endpointId: string,
  deps: WebhookDeps,
): Promise<{ messageId: string; deliveryId: string }> {
  const endpoint = await getEndpoint(tenantId, endpointId, deps);
  if (!endpoint.enabled) throw new EndpointDisabledError();
  const db = await deps.storage.control();
  const message = messageRow(tenantId, TEST_EVENT_TYPE, {
    endpointId,
    message: "This is a test event sent from the Portico console.",
  });
  const delivery = deliveryRow(tenantId, message.id, endpointId);
  await db.$transaction([db.webhookMessage.create({ data: message }), db.webhookDelivery.create({ data: delivery })]);
  deliveriesQueued.emit("queued");
  return { messageId: message.id, deliveryId: delivery.id };
}

/** Sends a delivery's message again, as a new delivery with its own attempts. */
export async function replayDelivery(
  tenantId: string,
  deliveryId: string,
  deps: WebhookDeps,
): Promise<{ deliveryId: string }> {
  const db = await deps.storage.control();
  const original = await db.webhookDelivery.findFirst({ where: { id: deliveryId, tenantId } });
  if (!original) throw new WebhookNotFoundError("delivery");
  const endpoint = await getEndpoint(tenantId, original.endpointId, deps);
  if (!endpoint.enabled) throw new EndpointDisabledError();
  const delivery = deliveryRow(tenantId, original.messageId, original.endpointId);
  await db.webhookDelivery.create({ data: delivery });
  deliveriesQueued.emit("queued");
  return { deliveryId: delivery.id };
}

/** Sends again every message this endpoint was sent since a moment (one new delivery each). */
export async function replaySince(
  tenantId: string,
  endpointId: string,
  since: Date,
  deps: WebhookDeps,
): Promise<{ deliveries: number }> {
  const endpoint = await getEndpoint(tenantId, endpointId, deps);
  if (!endpoint.enabled) throw new EndpointDisabledError();
  const db = await deps.storage.control();
  const sent = await db.webhookDelivery.findMany({
    where: { tenantId, endpointId, createdAt: { gte: since } },
    select: { messageId: true },
    orderBy: { createdAt: "asc" },
  });
  const messageIds = [...new Set(sent.map((delivery) => delivery.messageId))];
  if (messageIds.length > 0) {
    await db.webhookDelivery.createMany({
      data: messageIds.map((messageId) => deliveryRow(tenantId, messageId, endpointId)),
    });
    deliveriesQueued.emit("queued");
  }
  return { deliveries: messageIds.length };
}

export const DELIVERY_LOG_LIMIT = 50;

const parseHeaders = (json: string | null): Record<string, string> | null =>
  json === null ? null : (JSON.parse(json) as Record<string, string>);

/**
 * An endpoint's recent deliveries, newest first, with their event type, the body every attempt
 * sent and each attempt's request and response headers.
 */
export async function listDeliveries(tenantId: string, endpointId: string, deps: WebhookDeps) {
  await getEndpoint(tenantId, endpointId, deps);
  const db = await deps.storage.control();
  const deliveries = await db.webhookDelivery.findMany({
    where: { tenantId, endpointId },
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_LIMIT,
  });
  const [messages, attempts] = await Promise.all([
    db.webhookMessage.findMany({
      where: { id: { in: [...new Set(deliveries.map((d) => d.messageId))] } },
      select: { id: true, type: true, payload: true },
    }),
    db.webhookAttempt.findMany({
      where: { deliveryId: { in: deliveries.map((d) => d.id) } },
      orderBy: { attempt: "asc" },
    }),
  ]);
  const messageOf = new Map(messages.map((message) => [message.id, message]));
  return deliveries.map((delivery) => ({
    ...delivery,
    type: messageOf.get(delivery.messageId)?.type ?? "unknown",
    payload: messageOf.get(delivery.messageId)?.payload ?? null,
    attemptLog: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map(({ requestHeaders, responseHeaders, ...attempt }) => ({
        ...attempt,
        requestHeaders: parseHeaders(requestHeaders),
        responseHeaders: parseHeaders(responseHeaders),
      })),
  }));
}

export type DeliveryLogEntry = Awaited<ReturnType<typeof listDeliveries>>[number];
