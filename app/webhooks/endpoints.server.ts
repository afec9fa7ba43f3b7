import { randomUUID } from "node:crypto";
import { z } from "zod";
import { fieldErrors, type FormErrors } from "~/http/forms";
import { WebhookNotFoundError, type WebhookDeps } from "./deps.server";
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from "./event-types";
import { generateWebhookSecret, sealWebhookSecret } from "./signing.server";
import { allowPrivateWebhookTargets, refuseWebhookTarget } from "./ssrf.server";

export const MAX_ENDPOINTS_PER_TENANT = 20;
/** How long a rotated-out secret keeps signing alongside the new one. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  failingSince: Date | null;
  disabledReason: string | null;
  createdAt: Date;
};

const EventTypesField = z
  .array(z.enum([ALL_EVENTS, ...WEBHOOK_EVENT_TYPES], { error: "Choose events from the list." }))
  .min(1, "Choose at least one event, or all events.")
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  // "*" already covers everything, so it is stored alone.
  .transform((types) => (types.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(types)]));

const DescriptionField = z.string().trim().max(500, "Keep the description under 500 characters.").default("");

/** https (http only where private targets are allowed), and a host that resolves to public addresses. */
const UrlField = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the webhooks.")
  .max(2000, "That URL is too long.")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full URL, like https://example.com/webhooks." }))
  .superRefine(async (url, ctx) => {
    // Zod runs this even when an earlier check failed; only a parseable URL is resolved.
    if (!URL.canParse(url) || url.length > 2000) return;
    // The address is judged first: for http://10.0.0.1 the SSRF refusal is the useful answer.
    const refusal = await refuseWebhookTarget(new URL(url));
    if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    else if (!url.startsWith("https://") && !allowPrivateWebhookTargets()) {
      ctx.addIssue({ code: "custom", message: "Webhook URLs must use https." });
    }
  });

export const CreateEndpointSchema = z.object({
  url: UrlField,
  description: DescriptionField,
  eventTypes: EventTypesField,
});
export const UpdateEndpointSchema = z.object({ description: DescriptionField, eventTypes: EventTypesField });

export type EndpointField = "url" | "description" | "eventTypes";
export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FormErrors<EndpointField> };

/** Reads an endpoint form (eventTypes are repeated checkboxes) and validates it, DNS included. */
export async function parseEndpointForm<S extends typeof CreateEndpointSchema | typeof UpdateEndpointSchema>(
  schema: S,
  form: FormData,
): Promise<ParsedForm<z.output<S>>> {
  const parsed = await schema.safeParseAsync({
    url: form.get("url") ?? undefined,
    description: form.get("description") ?? undefined,
    eventTypes: form.getAll("eventTypes"),
  });
  return parsed.success
    ? { ok: true, data: parsed.data as z.output<S> }
    : { ok: false, errors: fieldErrors(parsed.error) };
}

function toView(row: {
  id: string;
  url: string;
  description: string;
  eventTypes: string;
  enabled: boolean;
  failingSince: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}): WebhookEndpointView {
  const { id, url, description, enabled, failingSince, disabledReason, createdAt } = row;
  return {
    id,
    url,
    description,
    eventTypes: JSON.parse(row.eventTypes) as string[],
    enabled,
    failingSince,
    disabledReason,
    createdAt,
  };
}

export class EndpointLimitError extends Error {
  constructor() {
    super(`A tenant can have at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints.`);
  }
}

export async function listEndpoints(tenantId: string, deps: WebhookDeps): Promise<WebhookEndpointView[]> {
  const db = await deps.storage.control();
  const rows = await db.webhookEndpoint.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });
  return rows.map(toView);
}

export async function getEndpoint(tenantId: string, id: string, deps: WebhookDeps): Promise<WebhookEndpointView> {
  const db = await deps.storage.control();
  const row = await db.webhookEndpoint.findFirst({ where: { id, tenantId } });
  if (!row) throw new WebhookNotFoundError("endpoint");
  return toView(row);
}

/** Creates an endpoint; the returned secret is the only time anyone sees it in clear. */
export async function createEndpoint(
  tenantId: string,
  input: z.output<typeof CreateEndpointSchema>,
  deps: WebhookDeps,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const db = await deps.storage.control();
  if ((await db.webhookEndpoint.count({ where: { tenantId } })) >= MAX_ENDPOINTS_PER_TENANT) {
    throw new EndpointLimitError();
  }
  const id = `ep_${randomUUID().replaceAll("-", "")}`;
  const secret = generateWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      id,
      tenantId,
      url: input.url,
      description: input.description,
      eventTypes: JSON.stringify(input.eventTypes),
      secret: sealWebhookSecret(deps.deploymentSecret, id, secret),
    },
  });
  return { endpoint: toView(row), secret };
}

export async function updateEndpoint(
  tenantId: string,
  id: string,
  input: z.output<typeof UpdateEndpointSchema>,
  deps: WebhookDeps,
): Promise<WebhookEndpointView> {
  await getEndpoint(tenantId, id, deps);
  const db = await deps.storage.control();
  const row = await db.webhookEndpoint.update({
    where: { id },
    data: { description: input.description, eventTypes: JSON.stringify(input.eventTypes) },
  });
  return toView(row);
}

/**
 * Enabling clears the failure streak; disabling cancels what is still pending (replay
 * resends it), so re-enabling never floods a receiver with a backlog it did not ask for.
 */
export async function setEndpointEnabled(
  tenantId: string,
  id: string,
  enabled: boolean,
  deps: WebhookDeps,
  disabledReason = "Disabled in the console.",
): Promise<WebhookEndpointView> {
  await getEndpoint(tenantId, id, deps);
  const db = await deps.storage.control();
  const [row] = await db.$transaction([
    db.webhookEndpoint.update({
      where: { id },
      data: enabled ? { enabled: true, failingSince: null, disabledReason: null } : { enabled: false, disabledReason },
    }),
    ...(enabled
      ? []
      : [
          db.webhookDelivery.updateMany({
            where: { endpointId: id, status: "pending" },
            data: { status: "cancelled", completedAt: new Date(), lockedUntil: null },
          }),
        ]),
  ]);
  return toView(row);
}

/** A new secret; the previous one keeps signing for SECRET_OVERLAP_MS so receivers can switch. */
export async function rotateEndpointSecret(
  tenantId: string,
  id: string,
  deps: WebhookDeps,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  await getEndpoint(tenantId, id, deps);
  const db = await deps.storage.control();
  const current = await db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } });
  const secret = generateWebhookSecret();
  const row = await db.webhookEndpoint.update({
    where: { id },
    data: {
      secret: sealWebhookSecret(deps.deploymentSecret, id, secret),
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(Date.now() + SECRET_OVERLAP_MS),
    },
  });
  return { endpoint: toView(row), secret };
}

/** Deletes the endpoint with its whole delivery log. */
export async function deleteEndpoint(tenantId: string, id: string, deps: WebhookDeps): Promise<WebhookEndpointView> {
  const endpoint = await getEndpoint(tenantId, id, deps);
  const db = await deps.storage.control();
  const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: id }, select: { id: true } });
  await db.$transaction([
    db.webhookAttempt.deleteMany({ where: { deliveryId: { in: deliveries.map((d) => d.id) } } }),
    db.webhookDelivery.deleteMany({ where: { endpointId: id } }),
    db.webhookEndpoint.delete({ where: { id } }),
  ]);
  return endpoint;
}
