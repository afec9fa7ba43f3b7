import type { AuditEventInput } from "~/audit/audit.server";

/** What happened in a tenant's auth, whatever path caused it (hosted page, widget, API). */
export type TenantAuthEvent = {
  type:
    | "user.created"
    | "user.updated"
    | "email.verified"
    | "session.created"
    | "session.revoked"
    | "sign_in.failed"
    | "sign_in.throttled"
    | "password.reset"
    | "organization.created"
    | "organization.member_added"
    | "organization.member_removed"
    | "two_factor.enabled"
    | "user.deleted"
    /** Counts per client and grant type, one event a minute (app/oauth-provider/token-events.server.ts). */
    | "oauth_token.issued";
  userId?: string;
  email?: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  data?: Record<string, unknown>;
};

/** The audit entry (and, through the event catalog, the webhook message) of an auth event. */
export function auditOfAuthEvent(tenantId: string, event: TenantAuthEvent): AuditEventInput {
  return {
    tenantId,
    type: event.type,
    actor: event.userId
      ? { type: "user", id: event.userId, label: event.email ?? event.userId }
      : { type: "anonymous", label: event.email },
    target: event.userId ? { type: "user", id: event.userId, label: event.email } : undefined,
    ipAddress: event.ipAddress,
    userAgent: event.userAgent,
    data: event.data,
  };
}
