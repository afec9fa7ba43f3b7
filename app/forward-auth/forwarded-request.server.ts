/**
 * The request a gateway is asking about, read from the conventions gateways use when they call
 * an authorization service: `X-Forwarded-Method/-Proto/-Host/-Uri` (Traefik ForwardAuth, Caddy
 * forward_auth, nginx with proxy_set_header), `X-Original-URL` (nginx auth_request examples), or
 * for Envoy's ext_authz the original path appended to the check path and the original Host.
 */
export type ForwardedRequest = {
  method: string;
  proto: "http" | "https";
  /** Host with its port, as the browser sent it (`app.example.com`, `127.0.0.1:8080`). */
  host: string;
  /** The host without its port, lowercase: what rules match. */
  hostname: string;
  /** Normalised path (dot segments resolved, unreserved escapes decoded): what rules match. */
  path: string;
  /** The original URL, to come back to after signing in. */
  url: string;
};

/** A header the gateway should send is missing or malformed (a configuration mistake: 400). */
export class ForwardedRequestError extends Error {
  constructor(
    readonly header: string,
    message: string,
  ) {
    super(message);
  }
}

/** Percent-escapes of unreserved characters mean the character itself (RFC 3986 §6.2.2.2). */
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

function first(value: string | null): string | null {
  const item = value?.split(",")[0]?.trim();
  return item ? item : null;
}

function parseHost(raw: string, header: string): { host: string; hostname: string } {
  let url: URL;
  try {
    url = new URL(`http://${raw}`);
  } catch {
    throw new ForwardedRequestError(header, `${header} is not a valid host.`);
  }
  // Anything beyond host[:port] (a path, user info) means the header is not a host.
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash || url.host !== raw.toLowerCase())
    throw new ForwardedRequestError(
      header,
      `${header} must be a host such as app.example.com or app.example.com:8443.`,
    );
  return { host: url.host, hostname: url.hostname.replace(/^\[|\]$/g, "") };
}

/** Browsers strip tabs and newlines from URLs, so a path with them could match one rule and reach another. */
function hasControlOrSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

function parseUri(raw: string, header: string): { pathname: string; search: string } {
  if (!raw.startsWith("/") || raw.length > 8192 || hasControlOrSpace(raw))
    throw new ForwardedRequestError(header, `${header} must be a path starting with / (e.g. /admin?tab=1).`);
  // Concatenated, never resolved against a base: `//evil.example` stays a path on this host.
  const url = new URL(`http://forwarded.invalid${raw}`);
  if (url.host !== "forwarded.invalid")
    throw new ForwardedRequestError(header, `${header} must be a path starting with /.`);
  return { pathname: url.pathname, search: url.search };
}

function parseProto(raw: string | null, header: string): "http" | "https" {
  const proto = (raw ?? "https").toLowerCase();
  if (proto !== "http" && proto !== "https")
    throw new ForwardedRequestError(header, `${header} must be http or https.`);
  return proto;
}

const METHOD = /^[A-Z]{1,16}$/;

/**
 * @param envoyPath the path after `/forward-auth/envoy` when Envoy appended the original path
 *   (its ext_authz HTTP service sends the original method, path and Host), else null.
 */
export function readForwardedRequest(request: Request, envoyPath: string | null): ForwardedRequest {
  const headers = request.headers;
  const method = (
    first(headers.get("x-forwarded-method")) ??
    first(headers.get("x-original-method")) ??
    request.method
  ).toUpperCase();
  if (!METHOD.test(method))
    throw new ForwardedRequestError("X-Forwarded-Method", "X-Forwarded-Method is not an HTTP method.");

  let proto: "http" | "https";
  let hostHeader: string;
  let rawHost: string | null;
  let uri: { pathname: string; search: string };
  const originalUrl = headers.get("x-original-url");
  if (originalUrl && !headers.get("x-forwarded-uri")) {
    let url: URL;
    try {
      url = new URL(originalUrl);
    } catch {
      throw new ForwardedRequestError("X-Original-URL", "X-Original-URL must be an absolute URL (https://host/path).");
    }
    proto = parseProto(url.protocol.slice(0, -1), "X-Original-URL");
    hostHeader = "X-Original-URL";
    rawHost = url.host;
    uri = { pathname: url.pathname, search: url.search };
  } else {
    proto = parseProto(first(headers.get("x-forwarded-proto")), "X-Forwarded-Proto");
    hostHeader = envoyPath === null ? "X-Forwarded-Host" : "Host";
    rawHost = first(headers.get("x-forwarded-host")) ?? (envoyPath === null ? null : headers.get("host"));
    const forwardedUri = headers.get("x-forwarded-uri");
    if (forwardedUri !== null) uri = parseUri(forwardedUri, "X-Forwarded-Uri");
    else if (envoyPath !== null) uri = parseUri(`/${envoyPath}${new URL(request.url).search}`, "path");
    else
      throw new ForwardedRequestError(
        "X-Forwarded-Uri",
        "Send the original request in X-Forwarded-Uri (or X-Original-URL).",
      );
  }
  if (!rawHost) throw new ForwardedRequestError(hostHeader, `Send the original host in ${hostHeader}.`);
  const { host, hostname } = parseHost(rawHost, hostHeader);
  const path = decodeUnreserved(uri.pathname);
  return { method, proto, host, hostname, path, url: `${proto}://${host}${path}${uri.search}` };
}
