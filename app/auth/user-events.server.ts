import type { GenericEndpointContext } from "better-auth";
import type { TenantAuthEvent } from "~/auth/auth-events";

/** Endpoints that confirm an email address (the link, or the email one-time code). */
const EMAIL_VERIFIED_PATHS = ["/verify-email", "/email-otp/verify-email"];

/** Profile fields a user can change themselves that customers' systems care about. */
const PROFILE_FIELDS = ["name", "image", "email", "username", "displayUsername", "phoneNumber"];

/**
 * The webhook-worthy event behind a user row update, by the endpoint that caused it.
 * Console and management-API changes (`/admin/*`) are reported by the audit log instead,
 * two-factor changes by the two-factor method, and updates without a request (internal
 * bookkeeping) are not user-visible changes.
 */
export function userUpdateEvent(
  user: { id: string; email: string; emailVerified: boolean },
  ctx: GenericEndpointContext | null,
): TenantAuthEvent | null {
  if (!ctx?.path) return null;
  if (EMAIL_VERIFIED_PATHS.includes(ctx.path)) {
    return user.emailVerified ? { type: "email.verified", userId: user.id, email: user.email } : null;
  }
  if (ctx.path.startsWith("/admin/") || ctx.path.startsWith("/two-factor/")) return null;
  const body: Record<string, unknown> = ctx.body && typeof ctx.body === "object" ? ctx.body : {};
  const fields = PROFILE_FIELDS.filter((field) => Object.hasOwn(body, field));
  if (ctx.path === "/update-user" || ctx.path === "/phone-number/verify" || fields.length > 0) {
    return { type: "user.updated", userId: user.id, email: user.email, data: { fields } };
  }
  return null;
}
