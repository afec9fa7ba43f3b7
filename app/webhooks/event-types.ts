/**
 * The events a webhook endpoint can subscribe to (shared with the browser for the console's
 * checkboxes). "*" subscribes to every event, including ones added later.
 */
export const WEBHOOK_EVENT_TYPES = [
  "user.created",
  "user.updated",
  "user.deleted",
  "user.banned",
  "session.created",
  "session.revoked",
  "password.reset",
  "email.verified",
  "two_factor.enabled",
  "organization.created",
  "organization.member_added",
  "organization.member_removed",
  "api_key.created",
  "api_key.revoked",
  "oauth_client.created",
  "oauth_client.updated",
  "oauth_client.deleted",
  "tenant.config_updated",
  "oauth_token.issued",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const ALL_EVENTS = "*";

/** Sent only by the console's "Send test event", whatever the endpoint subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

/**
 * Console actions recorded in the audit log that customers' systems also hear about. Auth
 * events (user.created, session.created, …) reach webhooks directly from the tenant's auth;
 * `admin.user.created` is left out because that path already reports the new user.
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

export function webhookEventForAudit(auditType: string): WebhookEventType | null {
  return WEBHOOK_EVENT_FOR_AUDIT[auditType] ?? null;
}
