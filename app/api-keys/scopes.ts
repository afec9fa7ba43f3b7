import { z } from "zod";

/**
 * What an API key may do in the management API. Shared with the browser (the console's
 * checkboxes) and the server (the key's stored scopes, each API route's requirement).
 */
export const API_KEY_SCOPES = [
  "users:read",
  "users:write",
  "sessions:write",
  "webhooks:read",
  "webhooks:write",
  "config:read",
  "config:write",
  "organizations:read",
  "organizations:write",
  "forward-auth:read",
  "forward-auth:write",
  "oauth-clients:read",
  "oauth-clients:write",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPES, { error: "Choose scopes from the list." });

export const API_KEY_SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  "users:read": "List and read users",
  "users:write": "Create, update, ban and delete users; reset their two-factor and passkeys",
  "sessions:write": "Revoke users' sessions",
  "webhooks:read": "Read webhook endpoints and deliveries",
  "webhooks:write": "Manage webhook endpoints and replay deliveries",
  "config:read": "Read the tenant's configuration",
  "config:write": "Change the tenant's configuration",
  "organizations:read": "List and read organizations and their members",
  "organizations:write": "Create and delete organizations, manage their members",
  "forward-auth:read": "Read forward-auth rules and decision counts",
  "forward-auth:write": "Change forward-auth rules",
  "oauth-clients:read": "List and read OAuth/OIDC clients (never their secrets)",
  "oauth-clients:write": "Create, change, rotate the secrets of and delete OAuth/OIDC clients",
};

/** Requests per minute for a key created without its own limit, and the most a key may allow. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
