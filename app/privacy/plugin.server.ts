import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { TenantDb } from "~/db/clients.server";
import { getStorage } from "~/db/index.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { buildUserExport, exportFileName } from "./export.server";

/**
 * Self-service privacy on the tenant's auth API, so the hosted account page, the widgets and
 * a customer's own frontend share one implementation that accepts the session cookie or the
 * bearer token alike:
 *
 * - `GET /privacy/export`: the signed-in user's data as JSON (app/privacy/export.server.ts);
 * - `POST /delete-user`: better-auth's own account deletion, switched on here. It asks for the
 *   password, or a session created within the last day (better-auth's `freshAge`), so a
 *   borrowed, long-lived session alone cannot delete an account.
 */
export function privacyPlugin({ tenant, db }: { tenant: Tenant; db: TenantDb }): BetterAuthPlugin {
  return {
    id: "portico-privacy",
    endpoints: {
      exportUserData: createAuthEndpoint(
        "/privacy/export",
        {
          method: "GET",
          use: [sessionMiddleware],
          metadata: { openapi: { description: "Download the signed-in user's data as JSON (no secrets)." } },
        },
        async (ctx) => {
          const userId = ctx.context.session.user.id;
          const data = await buildUserExport({ control: await getStorage().control(), tenant, db }, userId);
          if (!data) throw new APIError("NOT_FOUND", { message: "This account no longer exists." });
          ctx.setHeader("cache-control", "no-store");
          ctx.setHeader("content-disposition", `attachment; filename="${exportFileName(tenant.slug, userId)}"`);
          return ctx.json(data);
        },
      ),
    },
  };
}

/** better-auth's `user.deleteUser` options: on, and the deletion reported like the console's. */
export function selfDeletionOptions(
  onEvent: (event: TenantAuthEvent) => void,
): NonNullable<BetterAuthOptions["user"]>["deleteUser"] {
  return {
    enabled: true,
    afterDelete: async (user, request) => {
      onEvent({
        type: "user.deleted",
        userId: user.id,
        email: user.email,
        ipAddress: request?.headers.get("x-portico-client-ip") ?? null,
        userAgent: request?.headers.get("user-agent") ?? null,
        data: { reason: "self_service" },
      });
    },
  };
}
