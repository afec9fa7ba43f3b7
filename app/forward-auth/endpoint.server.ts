import { getPortico } from "~/context.server";
import { jsonError } from "~/http/responses.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { decide } from "./decision.server";
import { ForwardedRequestError } from "./forwarded-request.server";
import { authorize, callback, signOut } from "./gateway-flow.server";

/**
 * Everything under /t/<slug>/forward-auth (docs/gateways.md):
 *   ""              the decision, for Traefik, Caddy and anything sending X-Forwarded-*
 *   "nginx"         the decision in nginx's auth_request dialect (401 + Location, 403 for 429)
 *   "envoy/<path>"  the decision for Envoy's ext_authz, which appends the original path
 *   "authorize"     after sign-in on Portico's host: a one-time code for the protected host
 *   "callback"      the protected host's /.portico/callback, forwarded by the gateway
 *   "sign-out"      the protected host's /.portico/sign-out: forgets that host's cookie
 */
/** The decision's paths (server.ts answers them before Remix); the rest are the browser's steps. */
export function isDecisionPath(subpath: string): boolean {
  return subpath === "" || subpath === "nginx" || subpath === "envoy" || subpath.startsWith("envoy/");
}

export async function forwardAuthEndpoint(live: LiveTenant, request: Request, subpath: string): Promise<Response> {
  const { env } = getPortico();
  const deps = { publicUrl: env.publicUrl, secret: env.secret };
  const [first = "", ...rest] = subpath.split("/");
  try {
    if (first === "" && rest.length === 0)
      return await decide(live, request, { mode: "standard", envoyPath: null }, deps);
    if (first === "nginx" && rest.length === 0)
      return await decide(live, request, { mode: "nginx", envoyPath: null }, deps);
    if (first === "envoy") return await decide(live, request, { mode: "standard", envoyPath: rest.join("/") }, deps);
    const onlyGet = request.method === "GET" || request.method === "HEAD";
    if (rest.length === 0 && onlyGet) {
      if (first === "authorize") return await authorize(live, request, deps);
      if (first === "callback") return await callback(live, request, deps);
      if (first === "sign-out") return signOut(live, request);
    }
  } catch (error) {
    if (error instanceof ForwardedRequestError) return jsonError(400, "bad_forwarded_request", error.message);
    throw error;
  }
  return jsonError(404, "not_found", "There is nothing at this address.");
}
