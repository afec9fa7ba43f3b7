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
