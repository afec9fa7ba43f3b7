import { z } from "zod";
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "~/webhooks/event-types";

/**
 * The event catalog: each event customers' systems hear about, with the schema of its `data`.
 * `publish` (app/audit/audit.server.ts) checks every payload against it before the audit row
 * and the webhook message are written, the OpenAPI document's `webhooks` and the reference
 * page are generated from it. Keyed by the type list in app/webhooks/event-types.ts (which
 * the console's browser code reads without Zod); `satisfies` makes a type without a schema,
 * or a schema without a type, a type error. Objects are open: events may carry more fields
 * than listed.
 */
const actor = z.string().optional().meta({
  description: "Who caused it: an admin's email, `api_key:<id>`, or the user for their own actions.",
});
const userRef = {
  userId: z.string(),
  email: z.string().optional(),
  actor,
};
const organizationRef = {
  organizationId: z.string(),
  slug: z.string(),
  actor,
};

/** An OAuth client (application) of the tenant; never its secret. */
function oauthClientEvent(extra: Record<string, z.ZodType> = {}) {
  return z
    .object({
      targetId: z.string().meta({ description: "The client id." }),
      target: z.string().optional().meta({ description: "The client's name." }),
      clientId: z.string(),
      name: z.string(),
      actor,
      ...extra,
    })
    .loose();
}

export const WEBHOOK_EVENT_PAYLOADS = {
  "user.created": z.object(userRef).loose(),
  "user.updated": z
    .object({
      ...userRef,
      fields: z.array(z.string()).optional().meta({
        description:
          "What changed: profile fields (`name`, `email`, `emailVerified`, `publicMetadata`, …), `twoFactorEnabled` after an admin reset of two-factor, `passkeys` after an admin removed passkeys.",
      }),
      sessionsRevoked: z.number().int().optional().meta({
        description: "After a reset of two-factor or passkeys: how many of the user's sessions ended.",
      }),
    })
    .loose(),
  "user.deleted": z.object(userRef).loose(),
  "user.banned": z
    .object({ ...userRef, reason: z.string().nullable().optional(), expiresAt: z.string().nullable().optional() })
    .loose(),
  "session.created": z
    .object({
      ...userRef,
      impersonatedBy: z.string().optional().meta({ description: "Set for console impersonation." }),
    })
    .loose(),
  "session.revoked": z
    .object({
      ...userRef,
      sessionId: z.string().optional(),
      count: z.number().int().optional().meta({ description: "Set when every session of the user ended." }),
      reason: z.string().optional(),
    })
    .loose(),
  "password.reset": z.object(userRef).loose(),
  "email.verified": z.object(userRef).loose(),
  "two_factor.enabled": z.object(userRef).loose(),
  "organization.created": z.object({ ...organizationRef, name: z.string().optional() }).loose(),
  "organization.member_added": z
    .object({ ...organizationRef, userId: z.string(), email: z.string().optional(), role: z.string().optional() })
    .loose(),
  "organization.member_removed": z
    .object({ ...organizationRef, userId: z.string(), email: z.string().optional() })
    .loose(),
  "api_key.created": z.object({ targetId: z.string(), target: z.string().optional(), actor }).loose(),
  "api_key.revoked": z.object({ targetId: z.string(), target: z.string().optional(), actor }).loose(),
  "oauth_client.created": oauthClientEvent(),
  "oauth_client.updated": oauthClientEvent({
    fields: z.array(z.string()).optional().meta({ description: "What changed; absent when the secret was rotated." }),
  }),
  "oauth_client.deleted": oauthClientEvent(),
  "tenant.config_updated": z
    .object({
      targetId: z.string(),
      target: z.string().optional(),
      changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
      actor,
    })
    .loose(),
  "oauth_token.issued": z
    .object({
      clientId: z.string().meta({ description: "The OAuth client the tokens were issued to." }),
      total: z.number().int().meta({ description: "Tokens issued to this client in the window." }),
      byGrantType: z.record(z.string(), z.number().int()).meta({
        description: "Counts per grant type (authorization_code, refresh_token, client_credentials).",
      }),
      from: z.string().meta({ description: "Start of the window (ISO 8601); one event per client and minute." }),
      to: z.string(),
    })
    .loose(),
} satisfies Record<WebhookEventType, z.ZodType>;

export const TEST_EVENT_PAYLOAD = z.object({ endpointId: z.string(), message: z.string() });

/** Every event a receiver can get, with its payload schema, in catalog order. */
export function webhookEventCatalog(): { type: string; data: z.ZodType }[] {
  return [
    ...WEBHOOK_EVENT_TYPES.map((type) => ({ type, data: WEBHOOK_EVENT_PAYLOADS[type] as z.ZodType })),
    { type: TEST_EVENT_TYPE, data: TEST_EVENT_PAYLOAD },
  ];
}

/**
 * Audit types of console, API and SCIM changes that customers' systems also hear about, and
 * the webhook event each becomes. Auth events (user.created, session.created, …) carry their
 * catalog name directly; `admin.user.created` is left out because the tenant's auth already
 * reports the new user.
 */
const WEBHOOK_EVENT_FOR_AUDIT: Readonly<Record<string, WebhookEventType>> = {
  "admin.user.banned": "user.banned",
  "admin.user.unbanned": "user.updated",
  "admin.user.deleted": "user.deleted",
  "admin.user.updated": "user.updated",
  "admin.user.two_factor_reset": "user.updated",
  "admin.user.passkeys_removed": "user.updated",
  "admin.organization.created": "organization.created",
  "admin.organization.member_added": "organization.member_added",
  "admin.organization.member_removed": "organization.member_removed",
  "admin.user.session_revoked": "session.revoked",
  "admin.user.sessions_revoked": "session.revoked",
  "admin.config.updated": "tenant.config_updated",
  "admin.config.promoted": "tenant.config_updated",
  "admin.tenant.renamed": "tenant.config_updated",
  "admin.hostnames.updated": "tenant.config_updated",
  "api_key.created": "api_key.created",
  "api_key.revoked": "api_key.revoked",
  "oauth_client.created": "oauth_client.created",
  "oauth_client.updated": "oauth_client.updated",
  // A new secret is a change receivers act on (deploy it); they never see the secret itself.
  "oauth_client.secret_rotated": "oauth_client.updated",
  "oauth_client.deleted": "oauth_client.deleted",
};

const CATALOG_TYPES: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/** What publishing needs to know of an audited event to derive its webhook message. */
export type PublishableEvent = {
  type: string;
  actor: { type: string; label?: string };
  target?: { type: string; id: string; label?: string };
  data?: Record<string, unknown>;
};

export class EventPayloadError extends Error {
  constructor(type: string, issues: string) {
    super(`The ${type} event's data does not match the catalog: ${issues}`);
  }
}

/**
 * The webhook message an audited event becomes, or null when receivers do not hear about it.
 * A payload that does not match its schema throws outside production, so a test fails
 * instead of a customer's receiver; in production the message still goes out with the
 * mismatch named for the caller to log (a missing webhook is worse than an odd field).
 */
export function webhookMessageFor(
  event: PublishableEvent,
  { strict }: { strict: boolean },
): { type: WebhookEventType; data: Record<string, unknown>; mismatch?: string } | null {
  const type = CATALOG_TYPES.has(event.type) ? (event.type as WebhookEventType) : WEBHOOK_EVENT_FOR_AUDIT[event.type];
  if (!type) return null;
  const data = webhookData(event);
  const checked = WEBHOOK_EVENT_PAYLOADS[type].safeParse(data);
  if (checked.success) return { type, data };
  const mismatch = z.prettifyError(checked.error);
  if (strict) throw new EventPayloadError(type, mismatch);
  return { type, data, mismatch };
}

/**
 * A user's own auth events name the user; changes made by someone else (an admin, an API
 * key, SCIM) name their target and who made them.
 */
function webhookData({ actor, target, data }: PublishableEvent): Record<string, unknown> {
  if (actor.type === "user" || actor.type === "anonymous") {
    return {
      userId: target?.id,
      email: target?.label ?? (actor.type === "anonymous" ? actor.label : undefined),
      ...data,
    };
  }
  const subject =
    target?.type === "user"
      ? { userId: target.id, email: target.label }
      : { targetId: target?.id, target: target?.label };
  return { ...subject, ...data, actor: actor.label ?? actor.type };
}
