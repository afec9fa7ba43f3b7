import { randomUUID, timingSafeEqual, createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "express";
import { log, logPath } from "./log.server";
import { METRICS_CONTENT_TYPE, metricsText, observeRequest, tenantRequests } from "./metrics.server";
import { routeClass, tenantSlugOfPath } from "./route-class";
import { tenantLabel } from "./tenant-labels.server";

/**
 * What server.ts does for every request to make it observable: a request id, one log line
 * and the HTTP metrics. Also the /metrics endpoint's access rule.
 */
export const REQUEST_ID_HEADER = "x-request-id";
const HOST_TENANT_HEADER = "x-portico-host-tenant";

/** A caller's X-Request-Id is kept when it is a plain token; anything else gets a new id. */
export function requestIdOf(header: string | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID();
}

/** A node:http request; `originalUrl` is the path before custom-domain rewriting (Express's name). */
export type ServerRequest = IncomingMessage & { originalUrl?: string };

/**
 * Gives the request its id (echoed in X-Request-Id and visible to the routes, which show it on
 * error pages) and, when the connection closes, records its duration and logs one line.
 * A request the client abandoned before the answer was sent is logged with status 499.
 * Runs on node:http's request, ahead of Express (server.ts).
 */
export function observeRequests(req: ServerRequest, res: ServerResponse, next: () => void) {
  const started = process.hrtime.bigint();
  const given = req.headers[REQUEST_ID_HEADER];
  const id = requestIdOf(typeof given === "string" ? given : undefined);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  const record = (status: number) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The path after custom-domain rewriting, so a tenant's requests look alike on any host.
    const path = logPath(req.originalUrl ?? req.url ?? "/");
    const route = routeClass(path);
    const hostTenant = req.headers[HOST_TENANT_HEADER];
    const tenant = typeof hostTenant === "string" ? hostTenant : tenantSlugOfPath(path);
    observeRequest(req.method ?? "GET", route, status, seconds);
    if (tenant) tenantRequests.inc({ tenant: tenantLabel(tenant) });
    const line = {
      req_id: id,
      method: req.method,
      path,
      route_class: route,
      tenant,
      status,
      duration_ms: Math.round(seconds * 10_000) / 10,
      client_ip: req.headers["x-portico-client-ip"],
    };
    if (status >= 500) log.error(line, "request");
    // Probes, scrapes and gateways' forward-auth questions come by the thousand: debug only.
    else if (route === "ops" || route === "forward_auth") log.debug(line, "request");
    else log.info(line, "request");
  };
  res.once("finish", () => record(res.statusCode));
  res.once("close", () => {
    if (!res.writableFinished) record(499);
  });
  next();
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics. On the public port it exists only with PORTICO_METRICS_TOKEN and needs it as a
 * bearer token; on PORTICO_METRICS_PORT (a port Prometheus reaches but the load balancer does
 * not) it is open.
 */
export function metricsEndpoint(token: string | undefined) {
  return async (req: Request, res: Response) => {
    if (token !== undefined) {
      const given = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "")?.[1]?.trim() ?? "";
      if (!sameSecret(given, token)) {
        res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"');
        res.json({ error: { code: "unauthorized", message: "Send the metrics token as a Bearer token." } });
        return;
      }
    }
    res.set("Content-Type", METRICS_CONTENT_TYPE).send(await metricsText());
  };
}

/** PORTICO_METRICS_PORT: unset, or a TCP port. */
export function parseMetricsPort(value: string | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`PORTICO_METRICS_PORT must be a TCP port (1-65535), not "${value}".`);
  }
  return port;
}
