import { z } from "zod";
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "~/webhooks/event-types";

/**
 * The `data` of each webhook event, for the OpenAPI document's `webhooks` and the reference
 * page. Keyed by the catalog's types (`satisfies` makes a new event type without a schema a
 * type error). Objects are open: events may carry more fields than listed.
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
    fields: z
      .array(z.string())
      .optional()
      .meta({ description: "What changed; absent when the secret was rotated." }),
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
