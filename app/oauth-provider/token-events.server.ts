import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { decodeJwt } from "jose";
import type { TenantAuthEvent } from "~/auth/auth-events";

/** One `oauth_token.issued` event per client and window, never one per token. */
export const TOKEN_EVENT_WINDOW_MS = 60_000;

type Counts = Map<string, Map<string, number>>;

/**
 * Which client a successful token request was for: the form's client_id, HTTP Basic
 * credentials, or a private_key_jwt assertion's subject. The plugin has authenticated the
 * client by the time this runs, so nothing here is trusted for more than counting.
 */
export function tokenRequestClientId(body: Record<string, unknown> | undefined, authorization: string | null) {
  if (typeof body?.client_id === "string" && body.client_id) return body.client_id;
  if (authorization?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
    const user = decoded.slice(0, Math.max(0, decoded.indexOf(":")));
    if (user) return decodeURIComponent(user);
  }
  if (typeof body?.client_assertion === "string") {
    try {
      const sub = decodeJwt(body.client_assertion).sub;
      if (sub) return sub;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Counts issued tokens per client and grant type and reports each client's counts once a
 * window: a busy service asking for thousands of tokens a minute makes one event a minute.
 * Each app instance counts its own tokens (docs/oidc-provider.md#events).
 */
export function tokenIssuanceCounter(
  onEvent: (event: TenantAuthEvent) => void,
  windowMs = TOKEN_EVENT_WINDOW_MS,
): BetterAuthPlugin {
  let counts: Counts = new Map();
  let windowStart = 0;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const finished = counts;
    const from = new Date(windowStart).toISOString();
    const to = new Date().toISOString();
    counts = new Map();
    for (const [clientId, grants] of finished) {
      const byGrantType = Object.fromEntries(grants);
      const total = [...grants.values()].reduce((sum, n) => sum + n, 0);
      onEvent({ type: "oauth_token.issued", data: { clientId, total, byGrantType, from, to } });
    }
  };
  return {
    id: "portico-oauth-token-events",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/oauth2/token",
          handler: createAuthMiddleware(async (ctx) => {
            if (isAPIError(ctx.context.returned)) return;
            const body = ctx.body as Record<string, unknown> | undefined;
            const clientId = tokenRequestClientId(body, ctx.request?.headers.get("authorization") ?? null);
            const grantType = typeof body?.grant_type === "string" ? body.grant_type : "unknown";
            if (!clientId) return;
            if (!timer) {
              windowStart = Date.now();
              timer = setTimeout(flush, windowMs);
              timer.unref();
            }
            const grants = counts.get(clientId) ?? new Map<string, number>();
            grants.set(grantType, (grants.get(grantType) ?? 0) + 1);
            counts.set(clientId, grants);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
