import type { AuditLog, ChangeActor } from "~/audit/audit.server";
import { WebhookNotFoundError, type WebhookDeps } from "./deps.server";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
  type WebhookEndpointView,
} from "./endpoints.server";
import { replayDelivery, replaySince, sendTestEvent } from "./outbox.server";

/**
 * Every change to a tenant's webhook endpoints, as the console and the management API make
 * it: the change and its `admin.webhook_endpoint.*` audit entry, one function each, so both
 * surfaces leave the same state and the same history (tests/integration/webhook-surfaces.test.ts).
 * Inputs are already checked by the caller's schema (`CreateEndpointSchema`, …); refusals are
 * the webhook services' own errors (not found, disabled, over the limit), which each surface
 * words in its own way.
 */
export type EndpointChange = { who: ChangeActor & { tenantId: string }; deps: WebhookDeps; audit: AuditLog };

async function audited(
  { who, audit }: EndpointChange,
  type: string,
  endpoint: WebhookEndpointView,
  data?: Record<string, unknown>,
) {
  await audit.record({
    ...who,
    type: `admin.webhook_endpoint.${type}`,
    target: { type: "webhook_endpoint", id: endpoint.id, label: endpoint.url },
    data,
  });
}

export async function createWebhookEndpoint(
  context: EndpointChange,
  input: { url: string; description: string; eventTypes: string[] },
) {
  const created = await createEndpoint(context.who.tenantId, input, context.deps);
  await audited(context, "created", created.endpoint, { eventTypes: created.endpoint.eventTypes });
  return created;
}

/** Changes what is given (description and events, and whether it is enabled), each audited as its own step. */
export async function changeWebhookEndpoint(
  context: EndpointChange,
  endpointId: string,
  change: { description?: string; eventTypes?: string[]; enabled?: boolean; disabledReason?: string },
): Promise<WebhookEndpointView> {
  const { who, deps } = context;
  let endpoint = await getEndpoint(who.tenantId, endpointId, deps);
  if (change.description !== undefined || change.eventTypes !== undefined) {
    const input = {
      description: change.description ?? endpoint.description,
      eventTypes: change.eventTypes ?? endpoint.eventTypes,
    };
    endpoint = await updateEndpoint(who.tenantId, endpoint.id, input, deps);
    await audited(context, "updated", endpoint, { eventTypes: endpoint.eventTypes });
  }
  if (change.enabled !== undefined && change.enabled !== endpoint.enabled) {
    endpoint = await setEndpointEnabled(who.tenantId, endpoint.id, change.enabled, deps, change.disabledReason);
    await audited(context, change.enabled ? "enabled" : "disabled", endpoint);
  }
  return endpoint;
}

export async function rotateWebhookSecret(context: EndpointChange, endpointId: string) {
  const rotated = await rotateEndpointSecret(context.who.tenantId, endpointId, context.deps);
  await audited(context, "secret_rotated", rotated.endpoint);
  return rotated;
}

export async function deleteWebhookEndpoint(context: EndpointChange, endpointId: string) {
  const endpoint = await deleteEndpoint(context.who.tenantId, endpointId, context.deps);
  await audited(context, "deleted", endpoint);
  return endpoint;
}

export async function sendWebhookTest(context: EndpointChange, endpointId: string) {
  const endpoint = await getEndpoint(context.who.tenantId, endpointId, context.deps);
  const sent = await sendTestEvent(context.who.tenantId, endpoint.id, context.deps);
  await audited(context, "test_sent", endpoint, { messageId: sent.messageId });
  return { endpoint, ...sent };
}

/** Queues one delivery's message again (not found unless the delivery is this endpoint's). */
export async function replayWebhookDelivery(context: EndpointChange, endpointId: string, deliveryId: string) {
  const { who, deps } = context;
  const endpoint = await getEndpoint(who.tenantId, endpointId, deps);
  const db = await deps.storage.control();
  const original = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId: endpoint.id, tenantId: who.tenantId },
    select: { id: true },
  });
  if (!original) throw new WebhookNotFoundError("delivery");
  const replay = await replayDelivery(who.tenantId, original.id, deps);
  await audited(context, "replayed", endpoint, { deliveryId: original.id, replay: replay.deliveryId });
  return { endpoint, ...replay };
}

export async function replayWebhookMessagesSince(context: EndpointChange, endpointId: string, since: Date) {
  const endpoint = await getEndpoint(context.who.tenantId, endpointId, context.deps);
  const result = await replaySince(context.who.tenantId, endpoint.id, since, context.deps);
  await audited(context, "replayed", endpoint, { since: since.toISOString(), deliveries: result.deliveries });
  return { endpoint, ...result };
}
