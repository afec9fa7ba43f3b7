/**
 * The first handler on server.ts's node:http server, ahead of Express (decision 0017).
 *
 * Every request gets here what it needs whatever answers it: a trace span, a request id, a log
 * line and the HTTP metrics, the client's address (only from trusted proxies), `Connection:
 * close` while draining, and the default security headers. Then the hot API paths are answered
 * at once, without Express's router, compression, body reading, static files or Remix:
 *   - forward-auth decisions (`/t/<slug>/forward-auth[/nginx|/envoy…]`, decision 0014);
 *   - better-auth's API (`/t/<slug>/api/auth/…`, or `/api/auth/…` on a tenant's custom domain),
 *     through the same function as its Remix route: GET and OPTIONS, and POST with its body read
 *     under the same byte cap as Express's (sign-ins, OAuth token grants and introspections).
 * Everything else, and whatever the edge would refuse, goes on to Express.
 * Relative imports only: server.ts and what it imports are compiled outside Vite.
 */
import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { errorField, log } from "../ops/log.server";
import { observeRequests, REQUEST_ID_HEADER, type ServerRequest } from "../ops/http-observability.server";
import { traceRequests } from "../ops/tracing.server";
import { CLIENT_IP_HEADER, normalizeIp } from "./client-ip";
import { onCustomDomain } from "./custom-domain-scope.server";
import {
  bodyLimit,
  isDecodablePath,
  isGatewayPath,
  lingerThenHangUp,
  readCappedBody,
  routeRefusal,
  tooLarge,
} from "./edge.server";

/** Set here when the request came on a tenant's custom domain (app/tenancy/request.server.ts). */
export const HOST_TENANT_HEADER = "x-portico-host-tenant";

/** Express's compiled "trust proxy" setting: whether the address `hop` proxies away is trusted. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** What the server build (app/entry.server.tsx) answers with. */
export type FastAnswers = {
  hostTenantSlug(hostname: string): Promise<string | null>;
  gatewayResponse(request: Request, hostname: string): Promise<Response | null>;
  tenantAuthApiResponse(request: Request, slug: string): Promise<Response>;
};

export type FrontOptions = {
  trust: TrustProxy;
  /** PUBLIC_URL is https: every answer carries HSTS, whatever the hop before said. */
  httpsOnly: boolean;
  isDraining(): boolean;
  answers(): Promise<FastAnswers>;
  /** Everything not answered here (the Express app). */
  rest(req: ServerRequest, res: ServerResponse): void;
};

export const DEFAULT_RESPONSE_HEADERS = {
  "X-Frame-Options": "SAMEORIGIN",
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
const HSTS = "max-age=31536000";

const SHARED_HOST_AUTH_API = /^\/t\/([^/%]+)\/api\/auth(?:\/|$)/;
const CUSTOM_DOMAIN_AUTH_API = /^\/api\/auth(?:\/|$)/;
const FAST_AUTH_METHODS = new Set(["GET", "OPTIONS", "POST"]);

const firstValue = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim() || undefined;

/** The client's address as Express's req.ip reads it: X-Forwarded-For only through trusted hops. */
export function clientAddress(req: ServerRequest, trust: TrustProxy): string {
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .reverse();
  const chain = [req.socket.remoteAddress ?? "", ...forwarded];
  if (chain.length === 1 || !trustsPeer(req, trust)) return chain[0]!;
  for (let hop = 1; hop < chain.length - 1; hop++) if (!trust(chain[hop]!, hop)) return chain[hop]!;
  return chain[chain.length - 1]!;
}

/** Whether the connection's peer is a trusted proxy: asked once per connection (keep-alive). */
const peerTrusted = new WeakMap<Socket, boolean>();
function trustsPeer(req: ServerRequest, trust: TrustProxy): boolean {
  let trusted = peerTrusted.get(req.socket);
  if (trusted === undefined) peerTrusted.set(req.socket, (trusted = trust(req.socket.remoteAddress ?? "", 0)));
  return trusted;
}

/** Express's req.protocol. */
function protocolOf(req: ServerRequest, trust: TrustProxy): string {
  const own = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
  return trustsPeer(req, trust) ? (firstValue(req.headers["x-forwarded-proto"]) ?? own) : own;
}

/** The Host the client asked for, with its port (X-Forwarded-Host only from a trusted proxy). */
function hostOf(req: ServerRequest, trust: TrustProxy): string {
  return (trustsPeer(req, trust) ? firstValue(req.headers["x-forwarded-host"]) : undefined) ?? req.headers.host ?? "";
}

/** `auth.example.com` of `auth.example.com:8443` (and `[::1]` of `[::1]:3000`). */
export function hostWithoutPort(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
}

function fetchHeaders(req: ServerRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/**
 * A gateway's question as the Fetch request the forward-auth endpoint reads: headers and URL
 * only (no body is read, nothing to abort).
 */
function gatewayRequest(req: ServerRequest, trust: TrustProxy): Request | null {
  const url = `${protocolOf(req, trust)}://${req.headers.host || "localhost"}${req.originalUrl}`;
  if (!URL.canParse(url)) return null;
  return new Request(url, { method: req.method, headers: fetchHeaders(req) });
}

/**
 * The URL Remix's adapter would build for an API request, or null for a Host or X-Forwarded-Host
 * no URL can have ("a:b:c"): Express answers those, as it always did.
 */
function apiUrl(req: ServerRequest, trust: TrustProxy): string | null {
  const url = `${protocolOf(req, trust)}://${hostOf(req, trust) || "localhost"}${req.originalUrl}`;
  return URL.canParse(url) ? url : null;
}

/** Writes a small answer (JSON, a redirect, a few headers) in one piece. */
async function send(res: ServerResponse, response: Response) {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers.entries()) res.appendHeader(name, value);
  res.end(body);
}

/**
 * No other site may frame Portico's pages, and everything dynamic is no-store. Added when the
 * headers are written, and only where the answer did not set its own (an SVG's CSP, a page's
 * nonce-based CSP, a cacheable asset's Cache-Control).
 */
function addDefaultHeaders(req: ServerRequest, res: ServerResponse, options: FrontOptions) {
  const https = options.httpsOnly || protocolOf(req, options.trust) === "https";
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    for (const [name, value] of Object.entries(DEFAULT_RESPONSE_HEADERS)) {
      if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
    if (https) this.setHeader("Strict-Transport-Security", HSTS);
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
}

/** A 500 that names the request id; the error goes to the log, not to the client. */
export function answerInternalError(req: ServerRequest, res: ServerResponse, error: unknown) {
  const requestId = req.headers[REQUEST_ID_HEADER];
  log.error({ req_id: requestId, err: errorField(error) }, "Request failed");
  if (res.headersSent) return void res.destroy();
  res.statusCode = 500;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  const body = {
    error: { code: "internal_error", message: "Something went wrong on our side.", request_id: requestId },
  };
  res.end(JSON.stringify(body));
}

/**
 * The tenant an auth API request is for, or null when Express should take it: on a custom
 * domain only that tenant's API exists (at /api/auth/… or /t/<its slug>/api/auth/…).
 */
async function authApiTenant(req: ServerRequest, path: string, options: FrontOptions, answers: FastAnswers) {
  const shared = SHARED_HOST_AUTH_API.exec(path);
  if (!shared && !CUSTOM_DOMAIN_AUTH_API.test(path)) return null;
  const hostSlug = await answers.hostTenantSlug(hostWithoutPort(hostOf(req, options.trust)).toLowerCase());
  if (!hostSlug) return shared ? shared[1]! : null;
  if (shared && shared[1] !== hostSlug) return null;
  req.headers[HOST_TENANT_HEADER] = hostSlug;
  if (!shared) req.originalUrl = req.url = `/t/${hostSlug}${req.originalUrl}`;
  return hostSlug;
}

async function route(req: ServerRequest, res: ServerResponse, options: FrontOptions) {
  const method = req.method ?? "GET";
  const path = (req.originalUrl ?? "/").split("?")[0]!;
  // Gateways ask with the protected request's method, whatever it is (decision 0014), and copy
  // a decision's headers onto the protected answer: only the decision's own.
  if (isGatewayPath(path)) {
    const answers = await options.answers();
    const hostname = hostWithoutPort(req.headers.host ?? "");
    const request = gatewayRequest(req, options.trust);
    const response = request && (await answers.gatewayResponse(request, hostname));
    if (response) return send(res, response);
  }
  addDefaultHeaders(req, res, options);
  // Malformed paths and refused methods: Express answers them as everywhere else.
  const refused = !isDecodablePath(path) || routeRefusal(method, path) !== null;
  if (refused || !FAST_AUTH_METHODS.has(method) || !path.includes("/api/auth")) return options.rest(req, res);
  const answers = await options.answers();
  const slug = await authApiTenant(req, path, options, answers);
  // Decided before the body is read: once read, Express could not read it again.
  const url = slug === null ? null : apiUrl(req, options.trust);
  if (slug === null || url === null) return options.rest(req, res);
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method === "POST") {
    const limit = bodyLimit(path);
    const read = await readCappedBody(req, req.headers["content-length"], limit);
    // An aborted body has no one left to answer.
    if (!read.ok && read.reason === "aborted") return void res.destroy();
    if (!read.ok) {
      const { status, code, message } = tooLarge(limit);
      await send(res, Response.json({ error: { code, message } }, { status }));
      return lingerThenHangUp(req);
    }
    body = new Uint8Array(read.body);
  }
  // No abort signal, unlike Remix's request: these answers take milliseconds, and a signal per
  // request costs more than that saves.
  const request = new Request(url, { method, headers: fetchHeaders(req), body });
  const answer = () => answers.tenantAuthApiResponse(request, slug);
  // On the tenant's own domain, callbacks and links built while answering name that domain.
  const onItsDomain = req.headers[HOST_TENANT_HEADER] === slug;
  await send(res, await (onItsDomain ? onCustomDomain({ slug, origin: new URL(url).origin }, answer) : answer()));
}

/** The node:http request listener: the common steps, then the fast answers or `rest`. */
export function frontHandler(options: FrontOptions) {
  return (req: ServerRequest, res: ServerResponse) => {
    req.originalUrl = req.url ?? "/";
    traceRequests(req, res, () =>
      observeRequests(req, res, () => {
        if (options.isDraining()) res.setHeader("Connection", "close");
        // Only this server decides these headers; a client sending them is ignored.
        delete req.headers[HOST_TENANT_HEADER];
        // Normalised once here, so sessions, audit entries and API keys all store `127.0.0.1`
        // rather than the dual-stack socket's `::ffff:127.0.0.1` (decision 0023).
        req.headers[CLIENT_IP_HEADER] = normalizeIp(clientAddress(req, options.trust)) ?? "";
        route(req, res, options).catch((error: unknown) => answerInternalError(req, res, error));
      }),
    );
  };
}
