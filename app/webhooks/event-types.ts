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
