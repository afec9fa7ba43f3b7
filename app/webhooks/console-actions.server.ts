import { webhookDeps } from "~/webhooks/process-deps.server";
import { data } from "@remix-run/node";
import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { FormErrors } from "~/http/forms";
import { redirectWithToast } from "~/http/toast.server";
import { WebhookNotFoundError } from "./deps.server";
import {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  replayWebhookDelivery,
  replayWebhookMessagesSince,
  rotateWebhookSecret,
  sendWebhookTest,
  type EndpointChange,
} from "./endpoint-changes.server";
import { CreateEndpointSchema, EndpointLimitError, parseEndpointForm, UpdateEndpointSchema } from "./endpoints.server";
import { EndpointDisabledError } from "./outbox.server";
import { readForm } from "~/http/read-form.server";

/** The console's webhook page actions: one small function per form intent, each audited. */
export const REPLAY_WINDOWS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;

const Id = z.string().min(1).max(100);
const EndpointRef = z.object({ endpointId: Id });
const DeliveryRef = z.object({ endpointId: Id, deliveryId: Id });
const ReplaySinceSchema = z.object({
  endpointId: Id,
  window: z.enum(Object.keys(REPLAY_WINDOWS) as [keyof typeof REPLAY_WINDOWS], { error: "Choose a time window." }),
});

export type WebhookActionResult = { intent: string; errors?: FormErrors; secret?: string; endpointId?: string };

const failure = (intent: string, errors: FormErrors, status = 400, endpointId?: string) =>
  data<WebhookActionResult>({ intent, errors, endpointId }, { status });

const pagePath = (access: ConsoleAccess, endpointId?: string) =>
  `/admin/${access.tenant.slug}/webhooks${endpointId ? `?endpoint=${encodeURIComponent(endpointId)}` : ""}`;

/** The console's admin, on this tenant, as the author of a change. */
function changeBy(access: ConsoleAccess, request: Request): EndpointChange {
  return { who: adminActor(access, request), deps: webhookDeps(), audit: getPortico().audit };
}

export async function webhookAction(access: ConsoleAccess, request: Request) {
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    switch (intent) {
      case "create":
        return await createAction(access, request, form);
      case "update":
        return await updateAction(access, request, form);
      case "enable":
      case "disable":
        return await toggleAction(access, request, form, intent === "enable");
      case "rotate":
        return await rotateAction(access, request, form);
      case "delete":
        return await deleteAction(access, request, form);
      case "test":
        return await testAction(access, request, form);
      case "replay":
        return await replayAction(access, request, form);
      case "replay-since":
        return await replaySinceAction(access, request, form);
      default:
        throw new Response("Unknown action.", { status: 400 });
    }
  } catch (error) {
    if (error instanceof WebhookNotFoundError) return failure(intent, { form: error.message }, 404);
    if (error instanceof EndpointDisabledError || error instanceof EndpointLimitError) {
      return failure(intent, { form: error.message }, 400, String(form.get("endpointId") ?? "") || undefined);
    }
    throw error;
  }
}

function endpointIdOf(form: FormData): string {
  const parsed = EndpointRef.safeParse({ endpointId: form.get("endpointId") });
  if (!parsed.success) throw new Response("Choose an endpoint.", { status: 400 });
  return parsed.data.endpointId;
}

async function createAction(access: ConsoleAccess, request: Request, form: FormData) {
  const parsed = await parseEndpointForm(CreateEndpointSchema, form);
  if (!parsed.ok) return failure("create", parsed.errors);
  const { endpoint, secret } = await createWebhookEndpoint(changeBy(access, request), parsed.data);
  return data<WebhookActionResult>({ intent: "create", secret, endpointId: endpoint.id });
}

async function updateAction(access: ConsoleAccess, request: Request, form: FormData) {
  const endpointId = endpointIdOf(form);
  const parsed = await parseEndpointForm(UpdateEndpointSchema, form);
  if (!parsed.ok) return failure("update", parsed.errors, 400, endpointId);
  await changeWebhookEndpoint(changeBy(access, request), endpointId, parsed.data);
  return redirectWithToast(pagePath(access, endpointId), { type: "success", message: "Endpoint saved." });
}

async function toggleAction(access: ConsoleAccess, request: Request, form: FormData, enabled: boolean) {
  const endpoint = await changeWebhookEndpoint(changeBy(access, request), endpointIdOf(form), { enabled });
  return redirectWithToast(pagePath(access, endpoint.id), {
    type: "success",
    message: enabled ? "Endpoint enabled." : "Endpoint disabled; its pending deliveries were cancelled.",
  });
}

async function rotateAction(access: ConsoleAccess, request: Request, form: FormData) {
  const { endpoint, secret } = await rotateWebhookSecret(changeBy(access, request), endpointIdOf(form));
  return data<WebhookActionResult>({ intent: "rotate", secret, endpointId: endpoint.id });
}

async function deleteAction(access: ConsoleAccess, request: Request, form: FormData) {
  const endpoint = await deleteWebhookEndpoint(changeBy(access, request), endpointIdOf(form));
  return redirectWithToast(pagePath(access), { type: "success", message: `Endpoint ${endpoint.url} deleted.` });
}

async function testAction(access: ConsoleAccess, request: Request, form: FormData) {
  const { endpoint } = await sendWebhookTest(changeBy(access, request), endpointIdOf(form));
  return redirectWithToast(pagePath(access, endpoint.id), { type: "success", message: "Test event queued." });
}

async function replayAction(access: ConsoleAccess, request: Request, form: FormData) {
  const parsed = DeliveryRef.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Choose a delivery.", { status: 400 });
  const { endpointId, deliveryId } = parsed.data;
  await replayWebhookDelivery(changeBy(access, request), endpointId, deliveryId);
  return redirectWithToast(pagePath(access, endpointId), { type: "success", message: "Delivery queued again." });
}

async function replaySinceAction(access: ConsoleAccess, request: Request, form: FormData) {
  const parsed = ReplaySinceSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return failure("replay-since", { window: "Choose a time window." }, 400);
  const since = new Date(Date.now() - REPLAY_WINDOWS[parsed.data.window]);
  const { endpoint, deliveries } = await replayWebhookMessagesSince(
    changeBy(access, request),
    parsed.data.endpointId,
    since,
  );
  return redirectWithToast(pagePath(access, endpoint.id), {
    type: "success",
    message: deliveries === 1 ? "1 message queued again." : `${deliveries} messages queued again.`,
  });
}
