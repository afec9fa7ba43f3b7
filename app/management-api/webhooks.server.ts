import { webhookDeps } from "~/webhooks/process-deps.server";
import { z } from "zod";
import { getPortico } from "~/context.server";
import { WebhookNotFoundError } from "~/webhooks/deps.server";
import {
  createEndpoint,
  CreateEndpointSchema,
  deleteEndpoint,
  EndpointLimitError,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
  type WebhookEndpointView,
} from "~/webhooks/endpoints.server";
import {
  EndpointDisabledError,
  listDeliveries,
  replayDelivery,
  replaySince,
  sendTestEvent,
} from "~/webhooks/outbox.server";
import { Id, Timestamp } from "./common.server";
import { ApiError, conflict, notFound } from "./errors.server";
import { defineOperation, type ApiContext } from "./operation.server";

/** Webhook endpoints and their delivery log, through the console's own webhook services. */
const EndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    failingSince: Timestamp.nullable(),
    disabledReason: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

const EndpointWithSecret = z
  .object({
    endpoint: EndpointSchema,
    secret: z.string().meta({ description: "The `whsec_` signing secret; shown only in this answer." }),
  })
  .meta({ id: "WebhookEndpointWithSecret" });

const Headers = z.record(z.string(), z.string());

const DeliverySchema = z
  .object({
    id: z.string(),
    messageId: z.string(),
    type: z.string(),
    status: z.enum(["pending", "delivered", "failed", "cancelled"]).or(z.string()),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp,
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    completedAt: Timestamp.nullable(),
    payload: z.string().nullable().meta({ description: "The request body every attempt sent (JSON text)." }),
    attemptLog: z.array(
      z.object({
        attempt: z.number().int(),
        requestHeaders: Headers.nullable().meta({
          description: "The headers as sent, signature included (null for attempts logged before they were kept).",
        }),
        responseStatus: z.number().int().nullable(),
        responseHeaders: Headers.nullable().meta({
          description: "The receiver's answer headers: the first 30, values cut at 256 characters, no Set-Cookie.",
        }),
        responseBody: z.string().nullable(),
        error: z.string().nullable(),
        durationMs: z.number().int(),
        createdAt: Timestamp,
      }),
    ),
  })
  .meta({ id: "WebhookDelivery" });

const EndpointParams = z.strictObject({ endpointId: Id });

const CreateBody = z.strictObject(CreateEndpointSchema.shape).meta({ id: "CreateWebhookEndpoint" });
const UpdateBody = z
  .strictObject({
    description: CreateEndpointSchema.shape.description.unwrap().optional(),
    eventTypes: CreateEndpointSchema.shape.eventTypes.optional(),
    enabled: z.boolean({ error: "enabled must be true or false." }).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .meta({ id: "UpdateWebhookEndpoint" });

async function record(ctx: ApiContext, type: string, endpoint: WebhookEndpointView, data?: Record<string, unknown>) {
  await getPortico().audit.record({
    ...ctx.audit,
    type: `admin.webhook_endpoint.${type}`,
    target: { type: "webhook_endpoint", id: endpoint.id, label: endpoint.url },
    data,
  });
}

/** The webhook services' own errors, as API errors. */
async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WebhookNotFoundError) throw new ApiError(404, "not_found", error.message);
    if (error instanceof EndpointDisabledError) throw conflict("endpoint_disabled", error.message);
    if (error instanceof EndpointLimitError) throw conflict("endpoint_limit", error.message);
    throw error;
  }
}

const TAG = "Webhooks";

export const WEBHOOK_OPERATIONS = [
  defineOperation({
    operationId: "listWebhookEndpoints",
    method: "GET",
    path: "/webhooks/endpoints",
    tag: TAG,
    summary: "List webhook endpoints",
    scope: "webhooks:read",
    success: {
      status: 200,
      description: "Every endpoint of the tenant.",
      schema: z.object({ data: z.array(EndpointSchema) }),
    },
    run: async (ctx) => ({ data: await listEndpoints(ctx.live.tenant.id, webhookDeps()) }),
  }),
  defineOperation({
    operationId: "createWebhookEndpoint",
    method: "POST",
    path: "/webhooks/endpoints",
    tag: TAG,
    summary: "Create a webhook endpoint",
    description:
      "The URL must be https and resolve to public addresses (unless the deployment allows private targets). `eventTypes` lists event types from the catalog, or `*` for all.",
    scope: "webhooks:write",
    body: CreateBody,
    idempotent: true,
    errors: [409, 413, 415, 422],
    requestExample: {
      url: "https://example.com/webhooks/portico",
      description: "CRM sync",
      eventTypes: ["user.created"],
    },
    success: { status: 201, description: "The endpoint and its secret.", schema: EndpointWithSecret },
    run: async (ctx, { body }) => {
      const created = await translated(() => createEndpoint(ctx.live.tenant.id, body, webhookDeps()));
      await record(ctx, "created", created.endpoint, { eventTypes: created.endpoint.eventTypes });
      return created;
    },
  }),
  defineOperation({
    operationId: "getWebhookEndpoint",
    method: "GET",
    path: "/webhooks/endpoints/{endpointId}",
    tag: TAG,
    summary: "Get a webhook endpoint",
    scope: "webhooks:read",
    params: EndpointParams,
    errors: [404],
    success: { status: 200, description: "The endpoint.", schema: EndpointSchema },
    run: (ctx, { params }) => translated(() => getEndpoint(ctx.live.tenant.id, params.endpointId, webhookDeps())),
  }),
  defineOperation({
    operationId: "updateWebhookEndpoint",
    method: "PATCH",
    path: "/webhooks/endpoints/{endpointId}",
    tag: TAG,
    summary: "Update a webhook endpoint",
    description: "Disabling cancels its pending deliveries; enabling clears its failure streak.",
    scope: "webhooks:write",
    params: EndpointParams,
    body: UpdateBody,
    errors: [404, 413, 415, 422],
    requestExample: { eventTypes: ["*"], enabled: true },
    success: { status: 200, description: "The updated endpoint.", schema: EndpointSchema },
    run: (ctx, { params, body }) =>
      translated(async () => {
        const tenantId = ctx.live.tenant.id;
        let endpoint = await getEndpoint(tenantId, params.endpointId, webhookDeps());
        if (body.description !== undefined || body.eventTypes !== undefined) {
          endpoint = await updateEndpoint(
            tenantId,
            endpoint.id,
            {
              description: body.description ?? endpoint.description,
              eventTypes: body.eventTypes ?? endpoint.eventTypes,
            },
            webhookDeps(),
          );
          await record(ctx, "updated", endpoint, { eventTypes: endpoint.eventTypes });
        }
        if (body.enabled !== undefined && body.enabled !== endpoint.enabled) {
          endpoint = await setEndpointEnabled(
            tenantId,
            endpoint.id,
            body.enabled,
            webhookDeps(),
            "Disabled through the API.",
          );
          await record(ctx, body.enabled ? "enabled" : "disabled", endpoint);
        }
        return endpoint;
      }),
  }),
  defineOperation({
    operationId: "deleteWebhookEndpoint",
    method: "DELETE",
    path: "/webhooks/endpoints/{endpointId}",
    tag: TAG,
    summary: "Delete a webhook endpoint",
    description: "With its delivery log.",
    scope: "webhooks:write",
    params: EndpointParams,
    errors: [404],
    success: { status: 204, description: "Deleted." },
    run: (ctx, { params }) =>
      translated(async () => {
        await record(ctx, "deleted", await deleteEndpoint(ctx.live.tenant.id, params.endpointId, webhookDeps()));
        return null;
      }),
  }),
  defineOperation({
    operationId: "rotateWebhookSecret",
    method: "POST",
    path: "/webhooks/endpoints/{endpointId}/rotate-secret",
    tag: TAG,
    summary: "Rotate an endpoint's signing secret",
    description: "The previous secret keeps signing beside the new one for 24 hours.",
    scope: "webhooks:write",
    params: EndpointParams,
    errors: [404],
    success: { status: 200, description: "The endpoint and its new secret.", schema: EndpointWithSecret },
    run: (ctx, { params }) =>
      translated(async () => {
        const rotated = await rotateEndpointSecret(ctx.live.tenant.id, params.endpointId, webhookDeps());
        await record(ctx, "secret_rotated", rotated.endpoint);
        return rotated;
      }),
  }),
  defineOperation({
    operationId: "listWebhookDeliveries",
    method: "GET",
    path: "/webhooks/endpoints/{endpointId}/deliveries",
    tag: TAG,
    summary: "List an endpoint's recent deliveries",
    description: "The 50 newest, with every attempt.",
    scope: "webhooks:read",
    params: EndpointParams,
    errors: [404],
    success: { status: 200, description: "Newest first.", schema: z.object({ data: z.array(DeliverySchema) }) },
    run: (ctx, { params }) =>
      translated(async () => {
        const deliveries = await listDeliveries(ctx.live.tenant.id, params.endpointId, webhookDeps());
        return {
          data: deliveries.map((d) => ({
            id: d.id,
            messageId: d.messageId,
            type: d.type,
            status: d.status,
            attempts: d.attempts,
            nextAttemptAt: d.nextAttemptAt,
            lastStatus: d.lastStatus,
            lastError: d.lastError,
            createdAt: d.createdAt,
            completedAt: d.completedAt,
            payload: d.payload,
            attemptLog: d.attemptLog.map((a) => ({
              attempt: a.attempt,
              requestHeaders: a.requestHeaders,
              responseStatus: a.responseStatus,
              responseHeaders: a.responseHeaders,
              responseBody: a.responseBody,
              error: a.error,
              durationMs: a.durationMs,
              createdAt: a.createdAt,
            })),
          })),
        };
      }),
  }),
  defineOperation({
    operationId: "replayWebhookDelivery",
    method: "POST",
    path: "/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/replay",
    tag: TAG,
    summary: "Replay one delivery",
    description: "Sends the same message again, as a new delivery.",
    scope: "webhooks:write",
    params: z.strictObject({ endpointId: Id, deliveryId: Id }),
    errors: [404, 409],
    success: { status: 202, description: "Queued.", schema: z.object({ deliveryId: z.string() }) },
    run: (ctx, { params }) =>
      translated(async () => {
        const endpoint = await getEndpoint(ctx.live.tenant.id, params.endpointId, webhookDeps());
        const db = await getPortico().storage.control();
        const original = await db.webhookDelivery.findFirst({
          where: { id: params.deliveryId, endpointId: endpoint.id, tenantId: ctx.live.tenant.id },
          select: { id: true },
        });
        if (!original) throw notFound("webhook delivery");
        const replay = await replayDelivery(ctx.live.tenant.id, original.id, webhookDeps());
        await record(ctx, "replayed", endpoint, { deliveryId: original.id, replay: replay.deliveryId });
        return replay;
      }),
  }),
  defineOperation({
    operationId: "replayWebhookDeliveriesSince",
    method: "POST",
    path: "/webhooks/endpoints/{endpointId}/replay",
    tag: TAG,
    summary: "Replay every message since a time",
    scope: "webhooks:write",
    params: EndpointParams,
    body: z
      .strictObject({
        since: Timestamp.refine((value) => new Date(value).getTime() <= Date.now(), "since must not be in the future."),
      })
      .meta({ id: "ReplaySince" }),
    errors: [404, 409, 413, 415, 422],
    requestExample: { since: "2026-01-31T09:00:00Z" },
    success: {
      status: 202,
      description: "How many messages were queued again.",
      schema: z.object({ deliveries: z.number().int() }),
    },
    run: (ctx, { params, body }) =>
      translated(async () => {
        const since = new Date(body.since);
        const result = await replaySince(ctx.live.tenant.id, params.endpointId, since, webhookDeps());
        const endpoint = await getEndpoint(ctx.live.tenant.id, params.endpointId, webhookDeps());
        await record(ctx, "replayed", endpoint, { since: since.toISOString(), deliveries: result.deliveries });
        return result;
      }),
  }),
  defineOperation({
    operationId: "sendWebhookTestEvent",
    method: "POST",
    path: "/webhooks/endpoints/{endpointId}/test",
    tag: TAG,
    summary: "Send a test event",
    description: "A `webhook.test` event, whatever the endpoint subscribes to.",
    scope: "webhooks:write",
    params: EndpointParams,
    errors: [404, 409],
    success: {
      status: 202,
      description: "Queued.",
      schema: z.object({ messageId: z.string(), deliveryId: z.string() }),
    },
    run: (ctx, { params }) =>
      translated(async () => {
        const endpoint = await getEndpoint(ctx.live.tenant.id, params.endpointId, webhookDeps());
        const sent = await sendTestEvent(ctx.live.tenant.id, endpoint.id, webhookDeps());
        await record(ctx, "test_sent", endpoint, { messageId: sent.messageId });
        return sent;
      }),
  }),
];
