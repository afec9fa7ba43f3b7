import type { BetterAuthPlugin } from "better-auth";
import { getIP } from "better-auth/api";
import { tenantAuthPath } from "~/auth/tenant-urls";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { cachedAnswer, rememberAnswer, sessionGeneration } from "./session-cache.server";

/**
 * get-session answered again from the answer better-auth gave the same request less than a
 * second ago (decision 0017). Clients ask it on every page view and API call; running
 * better-auth's whole endpoint machinery each time costs more than everything else Portico
 * does for the request.
 *
 * What still happens on every request: the tenant lookup (404/503), the tenant's rate limit
 * (the same key and counts as better-auth's: over the limit, better-auth answers with its 429),
 * and a revoked, signed-out or banned session is refused on the very next request, since every
 * session or user write in this process drops the tenant's cached answers before it returns
 * (session-cache.server.ts); other instances' writes are seen within the second.
 * Only a plain GET is cached (no query: better-auth's disableRefresh and disableCookieCache
 * change the answer), keyed by everything it depends on: the tenant, the host mode, and the
 * Cookie, Authorization and Origin headers, byte for byte. An answer that sets a cookie (a
 * session refresh) or shows no session is never kept.
 */
const GET_SESSION = "/get-session";
const NO_IP_KEY = "no-trusted-ip";

type RateRule = {
  window: number;
  max: number;
  consume: (key: string, rule: { window: number; max: number }) => Promise<{ allowed: boolean }>;
};

/** The limiter better-auth applies to get-session, or null where it is not one this can apply. */
async function getSessionRateRule(live: TenantRequestContext): Promise<RateRule | null> {
  const context = await live.auth.$context;
  const storage = context.options.rateLimit?.customStorage;
  if (!context.rateLimit.enabled || !storage) return null;
  // Custom rules (functions, wildcards) are better-auth's to resolve: no cached answers then.
  if (Object.keys(context.rateLimit.customRules ?? {}).length > 0) return null;
  const plugins: BetterAuthPlugin[] = context.options.plugins ?? [];
  const pluginRule = plugins.flatMap((plugin) => plugin.rateLimit ?? []).find((rule) => rule.pathMatcher(GET_SESSION));
  return {
    window: pluginRule?.window ?? context.rateLimit.window,
    max: pluginRule?.max ?? context.rateLimit.max,
    consume: (key, rule) => storage.consume(key, rule),
  };
}

function requestKey(live: TenantRequestContext, request: Request): string | null {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.search || url.pathname !== `${tenantAuthPath(live.tenant.slug)}${GET_SESSION}`) return null;
  const header = (name: string) => request.headers.get(name) ?? "";
  return [live.hostMode ? "host" : "shared", header("cookie"), header("authorization"), header("origin")].join("\n");
}

type SessionAnswer = { session?: { token?: unknown; userId?: unknown; expiresAt?: unknown } } | null;

/** Answers `request` from the cache when it is a get-session seen a moment ago, else through `answer`. */
export async function answerGetSession(
  live: TenantRequestContext,
  request: Request,
  answer: () => Promise<Response>,
): Promise<Response> {
  const key = requestKey(live, request);
  if (key === null) return answer();
  const tenantId = live.tenant.id;
  const hit = cachedAnswer(tenantId, key);
  const rule = hit && (await getSessionRateRule(live));
  if (hit && rule) {
    const ip = getIP(request, (await live.auth.$context).options) ?? NO_IP_KEY;
    const { allowed } = await rule.consume(`${ip}|${GET_SESSION}`, rule);
    if (allowed) return new Response(hit.body, { status: hit.status, headers: hit.headers });
  }
  const generation = sessionGeneration(tenantId);
  const response = await answer();
  if (response.status !== 200 || response.headers.has("set-cookie")) return response;
  const body = await response.text();
  const { session } = (JSON.parse(body) as SessionAnswer) ?? {};
  const expiresAt = typeof session?.expiresAt === "string" ? Date.parse(session.expiresAt) : NaN;
  if (typeof session?.token === "string" && typeof session.userId === "string" && Number.isFinite(expiresAt)) {
    const headers = [...response.headers.entries()];
    const cached = { status: response.status, headers, body, expiresAt };
    rememberAnswer(tenantId, key, generation, { userId: session.userId, token: session.token, answer: cached });
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
