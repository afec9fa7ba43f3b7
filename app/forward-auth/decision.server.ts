import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { LiveTenant } from "~/tenancy/registry.server";
import { identify, type Credential, type Identity } from "./credentials.server";
import { decisionCounts, type DecisionCounts, type DecisionOutcome } from "./decision-counts.server";
import { ForwardedRequestError, readForwardedRequest, type ForwardedRequest } from "./forwarded-request.server";
import { newGatewayState } from "./gateway-cookie.server";
import { signInUrl, trustedReturnUrl } from "./gateway-flow.server";
import { defaultDecisionLimiter, type DecisionLimiter } from "./rate-limit.server";
import { matchRule, type ForwardAuthRule } from "./rules";

/**
 * The forward-auth decision (docs/gateways.md): given the request a gateway is holding, allow
 * it (200 and identity headers for the upstream), ask for a credential (401, or a 302 to the
 * hosted sign-in for a browser), refuse it (403), or slow it down (429).
 *
 * Gateways differ in what they do with the answer: Traefik, Caddy and Envoy pass a non-2xx
 * answer to the client as it is; nginx's auth_request only understands 2xx, 401 and 403, so in
 * `nginx` mode the redirect is a 401 with `Location` and a rate limit a 403 with
 * `X-Portico-Decision: rate_limited`, which the documented nginx configuration turns back into
 * 302 and 429.
 */
export type GatewayMode = "standard" | "nginx";

export type DecisionDeps = {
  publicUrl: URL;
  secret: string;
  limiter?: DecisionLimiter;
  counts?: DecisionCounts;
};

/** Identity headers the upstream reads; a gateway must overwrite any a client sent. */
export const IDENTITY_HEADERS = {
  userId: "X-Portico-User-Id",
  email: "X-Portico-Email",
  organizationId: "X-Portico-Org-Id",
  roles: "X-Portico-Roles",
  token: "X-Portico-Token",
} as const;

function json(status: number, code: string, message: string, headers: Headers): Response {
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify({ error: { code, message } }), { status, headers });
}

function isBrowser(request: Request, forwarded: ForwardedRequest): boolean {
  return (
    (forwarded.method === "GET" || forwarded.method === "HEAD") &&
    (request.headers.get("accept") ?? "").includes("text/html")
  );
}

/** What the rule asks of an identified user that it lacks, or null. */
function unmetRequirement({ require }: ForwardAuthRule, identity: Identity): string | null {
  if (require.emailVerified && !identity.emailVerified) return "email_verified";
  if (require.twoFactor && !identity.twoFactor) return "two_factor";
  if (require.organization && identity.organizationId !== require.organization) return "organization";
  if (require.roles.length > 0 && !require.roles.some((role) => identity.roles.includes(role))) return "role";
  if (require.scopes.some((scope) => !identity.scopes.includes(scope))) return "scope";
  return null;
}

function needsIdentity({ require }: ForwardAuthRule): boolean {
  return (
    require.signedIn ||
    require.emailVerified ||
    require.twoFactor ||
    require.organization !== "" ||
    require.roles.length > 0 ||
    require.scopes.length > 0
  );
}

/**
 * Every identity header, empty for an anonymous request: gateways that copy the answer's headers
 * over the request's (Traefik, Envoy, Caddy) then also replace any a client forged.
 */
function identityHeaders(headers: Headers, identity: Identity | null) {
  headers.set(IDENTITY_HEADERS.userId, identity?.userId ?? "");
  headers.set(IDENTITY_HEADERS.email, identity?.email ?? "");
  headers.set(IDENTITY_HEADERS.organizationId, identity?.organizationId ?? "");
  headers.set(IDENTITY_HEADERS.roles, identity?.roles.join(",") ?? "");
  headers.set(IDENTITY_HEADERS.token, identity?.token ?? "");
}

async function rateLimited(
  live: LiveTenant,
  rule: ForwardAuthRule,
  request: Request,
  identity: Identity | null,
  limiter: DecisionLimiter,
): Promise<number | null> {
  if (!rule.rateLimit) return null;
  const ip = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
  // Per user when known; anonymous requests of a per-user rule share their IP's budget.
  const subject = rule.rateLimit.key === "user" && identity ? `user:${identity.userId}` : `ip:${ip}`;
  const answer = await limiter.consume(`${live.tenant.id}:${rule.id}:${subject}`, rule.rateLimit);
  return answer.allowed ? null : answer.retryAfterSeconds;
}

export async function decide(
  live: LiveTenant,
  request: Request,
  { mode, envoyPath }: { mode: GatewayMode; envoyPath: string | null },
  { publicUrl, secret, limiter = defaultDecisionLimiter(), counts = decisionCounts() }: DecisionDeps,
): Promise<Response> {
  let forwarded: ForwardedRequest;
  try {
    forwarded = readForwardedRequest(request, envoyPath);
  } catch (error) {
    if (!(error instanceof ForwardedRequestError)) throw error;
    return json(400, "bad_forwarded_request", error.message, new Headers());
  }
  const rule = matchRule(live.tenant.config.forwardAuth.rules, forwarded.hostname, forwarded.path);
  const { credential, identity } = await identify(live, request.headers, { publicUrl, host: forwarded.host, secret });
  const headers = new Headers({ "X-Portico-Rule": rule.id, "Cache-Control": "no-store" });
  const answer = (outcome: DecisionOutcome, used: Credential = credential) => {
    counts.count(live.tenant.id, rule.id, outcome, used);
    headers.set("X-Portico-Decision", outcome);
  };

  const retryAfter = await rateLimited(live, rule, request, identity, limiter);
  if (retryAfter !== null) {
    answer("rate_limited");
    headers.set("Retry-After", String(retryAfter));
    const status = mode === "nginx" ? 403 : 429;
    return json(status, "rate_limited", `Too many requests: try again in ${retryAfter} s.`, headers);
  }
  if (!identity && needsIdentity(rule) && !rule.public) {
    const returnTo = isBrowser(request, forwarded) ? trustedReturnUrl(live, forwarded.url, publicUrl) : null;
    headers.set("WWW-Authenticate", `Bearer realm="${live.tenant.slug}"`);
    if (returnTo) {
      answer("redirect");
      // The round trip may only end in this browser (gateway-cookie.server.ts).
      const { state, setCookie } = newGatewayState(live.tenant.id, forwarded.proto === "https");
      headers.set("Location", signInUrl(live.tenant.slug, returnTo, state, publicUrl));
      headers.append("Set-Cookie", setCookie);
      return mode === "nginx"
        ? json(401, "unauthenticated", "Sign in first.", headers)
        : new Response(null, { status: 302, headers });
    }
    answer("unauthenticated");
    return json(401, "unauthenticated", "Send a valid bearer token or sign in first.", headers);
  }
  const unmet = identity && !rule.public ? unmetRequirement(rule, identity) : null;
  if (unmet) {
    answer("forbidden");
    headers.set("X-Portico-Reason", unmet);
    return json(403, "forbidden", `This rule (${rule.id}) requires ${unmet.replace("_", " ")}.`, headers);
  }
  answer("allowed");
  identityHeaders(headers, identity);
  return new Response(null, { status: 200, headers });
}
