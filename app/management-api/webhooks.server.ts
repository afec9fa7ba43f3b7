import { webhookDeps } from "~/webhooks/process-deps.server";
import { z } from "zod";
import { getPortico } from "~/context.server";
import { WebhookNotFoundError } from "~/webhooks/deps.server";
import {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayWebhookDelivery,
  replayWebhookMessagesSince,
  rotateWebhookSecret,
  sendWebhookTest,
  type EndpointChange,
} from "~/webhooks/endpoint-changes.server";
import { CreateEndpointSchema, EndpointLimitError, getEndpoint, listEndpoints } from "~/webhooks/endpoints.server";
import { EndpointDisabledError, listDeliveries } from "~/webhooks/outbox.server";
import { Id, Timestamp } from "./common.server";
import { ApiError, conflict } from "./errors.server";
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

/** The API key's caller, on this tenant, as the author of a change. */
function changeBy(ctx: ApiContext): EndpointChange {
  return { who: { ...ctx.audit, tenantId: ctx.live.tenant.id }, deps: webhookDeps(), audit: getPortico().audit };
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
    run: (ctx, { body }) => translated(() => createWebhookEndpoint(changeBy(ctx), body)),
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
      translated(() =>
        changeWebhookEndpoint(changeBy(ctx), params.endpointId, {
          ...body,
          disabledReason: "Disabled through the API.",
        }),
      ),
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
        await deleteWebhookEndpoint(changeBy(ctx), params.endpointId);
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
    run: (ctx, { params }) => translated(() => rotateWebhookSecret(changeBy(ctx), params.endpointId)),
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
        const { deliveryId } = await replayWebhookDelivery(changeBy(ctx), params.endpointId, params.deliveryId);
        return { deliveryId };
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
        const replayed = await replayWebhookMessagesSince(changeBy(ctx), params.endpointId, new Date(body.since));
        return { deliveries: replayed.deliveries };
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
        const { messageId, deliveryId } = await sendWebhookTest(changeBy(ctx), params.endpointId);
        return { messageId, deliveryId };
      }),
  }),
];
