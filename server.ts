/**
 * Portico's HTTP server: a node:http front (app/http/front.server.ts: observability, client
 * address, default headers, and the hot API paths answered at once), then Express in front of
 * the Remix request handler.
 *   node build/server.js                 production: this file compiled by `npm run build`
 *                                        (build:server), serving the build it sits in
 *   node --import tsx server.ts          the same from source, serving ./build (or PORTICO_BUILD_DIR)
 *   node --import tsx server.ts --dev    serves through Vite with hot reload
 * It owns what must happen before Remix sees a request: refusing what no route can take
 * (app/http/edge.server.ts), reading bodies under a byte cap, the client IP (only from trusted
 * proxies), custom-domain rewriting to the tenant's routes, default headers and static assets.
 */
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:http";
import { isProductionEnv, parseTrustProxy } from "./app/config/env.server";
import { metricsEndpoint, parseMetricsPort } from "./app/ops/http-observability.server";
import { parseShutdownTimeout } from "./app/ops/lifecycle.server";
import { errorField, log } from "./app/ops/log.server";
import { startTracing } from "./app/ops/tracing.server";
import {
  answerInternalError,
  frontHandler,
  HOST_TENANT_HEADER,
  type FastAnswers,
  type TrustProxy,
} from "./app/http/front.server";
import {
  bodyLimit,
  isApiPath,
  isDecodablePath,
  isGatewayPath,
  lingerThenHangUp,
  pageRequestRefusal,
  readCappedBody,
  routeRefusal,
  tooLarge,
  type Refusal,
} from "./app/http/edge.server";
import { withRequestScope } from "./app/http/request-scope.server";
import { customDomainPath, NOT_ON_CUSTOM_DOMAIN, pageAtTheRoot } from "./app/http/custom-domain-paths.server";
import { onCustomDomain } from "./app/http/custom-domain-scope.server";

// Real environment variables win over the file (the same rule as scripts/start.ts).
if (existsSync(".env")) process.loadEnvFile(".env");

const dev = process.argv.includes("--dev");
// Compiled (build/server.js), the server serves the build it is part of; from source, ./build.
const compiled = import.meta.url.endsWith(".js");
const buildDir = path.resolve(process.env.PORTICO_BUILD_DIR ?? (compiled ? import.meta.dirname : "build"));

type PorticoEntry = FastAnswers & {
  bootstrap(): Promise<{ createdDemo: boolean }>;
  startDraining(): void;
  shutdown(): Promise<void>;
};

const BAD_PATH: Refusal = {
  status: 400,
  code: "bad_path",
  message: "The path has malformed percent-encoding (a % not followed by a valid UTF-8 sequence).",
};

/** A 4xx from the edge: JSON for APIs, a line of text for pages (and people). */
function refuse(req: express.Request, res: express.Response, refusal: Refusal) {
  res.status(refusal.status).set(refusal.headers ?? {});
  if (isApiPath(req.path)) res.json({ error: { code: refusal.code, message: refusal.message } });
  else res.type("text/plain").send(refusal.message);
}

function publicUrlIsHttps(): boolean {
  return (process.env.PUBLIC_URL ?? "").trim().toLowerCase().startsWith("https://");
}

/** The origin the client asked for: `http://auth.acme.com:3000`. */
function requestOrigin(req: express.Request): string {
  // req.hostname drops the port and follows "trust proxy"; the port comes from the headers.
  const portOf = (value: string | undefined) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("x-forwarded-host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}`;
}

/**
 * The Fetch request Remix gets: what @remix-run/express's adapter builds, except that the body
 * is the bytes the size cap already read (the adapter would read the socket again).
 */
function remixRequest(req: express.Request, res: express.Response): Request {
  const url = new URL(`${requestOrigin(req)}${req.originalUrl}`);
  const controller = new AbortController();
  // Abort loaders and actions when the client goes away before the answer was sent.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value ? [value] : []) headers.append(name, item);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && Buffer.isBuffer(req.body);
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
  });
}

/** Writes Remix's answer (as @remix-run/express does). */
async function sendRemixResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

async function loadBuild() {
  if (!dev) {
    const build = (await import(path.join(buildDir, "server", "index.js"))) as ServerBuild;
    return { getBuild: async () => build, vite: undefined };
  }
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  const getBuild = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  return { getBuild, vite };
}

async function main() {
  // Before anything that could serve a request or query a database (off without an endpoint).
  const tracing = await startTracing(process.env);
  const { getBuild, vite } = await loadBuild();
  const entry = async () => (await getBuild()).entry.module as unknown as PorticoEntry;

  let shutdownTimeoutMs: number;
  let metricsPort: number | undefined;
  try {
    shutdownTimeoutMs = parseShutdownTimeout(process.env.PORTICO_SHUTDOWN_TIMEOUT);
    metricsPort = parseMetricsPort(process.env.PORTICO_METRICS_PORT);
    const { createdDemo } = await (await entry()).bootstrap();
    if (createdDemo) log.info("Created the demo tenant.");
  } catch (error) {
    // Configuration problems are the operator's to fix: one clear line, no stack trace.
    log.fatal(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const metricsToken = process.env.PORTICO_METRICS_TOKEN?.trim() || undefined;

  // What every request needs (trace, request id, log, metrics, client address, draining, default
  // headers) and the hot API answers happen ahead of Express: app/http/front.server.ts.
  const app = express();
  app.disable("x-powered-by");
  // Already validated by bootstrap() (PORTICO_TRUST_PROXY=true is refused in production).
  app.set("trust proxy", parseTrustProxy(process.env.PORTICO_TRUST_PROXY, isProductionEnv(process.env)));
  // Forward-auth answers are a few headers, never worth compressing, and come by the thousand.
  const compress = compression();
  app.use((req, res, next) => (isGatewayPath(req.path) ? next() : compress(req, res, next)));

  // While draining, every answer closes its connection, so keep-alive clients reconnect to
  // another instance instead of holding this one open.
  let draining = false;
  const front = frontHandler({
    trust: app.get("trust proxy fn") as TrustProxy,
    httpsOnly: publicUrlIsHttps(),
    isDraining: () => draining,
    answers: entry,
    rest: app,
  });

  // A path Express cannot percent-decode (/t/%E0%A4%A/sign-in) is the client's mistake.
  app.use((req, res, next) => (isDecodablePath(req.path) ? next() : refuse(req, res, BAD_PATH)));
  app.use((req, res, next) => {
    const refusal = routeRefusal(req.method, req.path);
    return refusal ? refuse(req, res, refusal) : next();
  });

  // Prometheus metrics on the public port only behind their token (docs/self-hosting.md).
  if (metricsToken) app.get("/metrics", metricsEndpoint(metricsToken));

  // The embeddable widgets (widgets/, docs/widgets.md): any site may import them. Hashed
  // chunks never change; portico.js, the stable entry that re-exports them, is short-lived.
  app.use(
    "/widgets",
    (_req, res, next) => {
      res.set({ "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" });
      next();
    },
    express.static(path.join(buildDir, "widgets"), {
      setHeaders: (res, file) =>
        res.set(
          "Cache-Control",
          path.basename(file) === "portico.js" ? "public, max-age=300" : "public, max-age=31536000, immutable",
        ),
    }),
  );

  if (vite) app.use(vite.middlewares);
  else {
    app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
    // Tenant routes and APIs are never files: skip the filesystem lookup on the hot path.
    const publicFiles = express.static(path.join(buildDir, "client"), { maxAge: "1h" });
    app.use((req, res, next) => (/^\/(t|api)\//.test(req.path) ? next() : publicFiles(req, res, next)));
  }

  // Pages (everything but the APIs) take visits and HTML form posts; other methods get 405
  // and other bodies 415 here, before a route's action could fail on them.
  app.use((req, res, next) => {
    if (isApiPath(req.path)) return next();
    const refusal = pageRequestRefusal(req.method, req.headers["content-type"]);
    return refusal ? refuse(req, res, refusal) : next();
  });

  // Every body is read here, counting bytes as they arrive, and refused with 413 past the
  // path's limit, whether it declared a Content-Length or came chunked. Nothing Portico
  // accepts is large; Remix then gets the bytes read.
  app.use(async (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = bodyLimit(req.path);
    const read = await readCappedBody(req, req.headers["content-length"], limit);
    if (read.ok) {
      req.body = read.body;
      return next();
    }
    // An aborted body has no one left to answer.
    if (read.reason === "aborted") return void res.destroy();
    refuse(req, res, tooLarge(limit));
    lingerThenHangUp(req);
  });

  // Pages accept form posts only from their own origin. Remix refuses the others too, but
  // with a 500; this answers with the 403 a person (and a test) should see.
  app.use((req, res, next) => {
    const origin = req.headers.origin;
    if (req.method === "GET" || req.method === "HEAD" || !origin || isApiPath(req.path)) return next();
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // A malformed Origin is treated like a foreign one.
    }
    if (originHost === (req.get("x-forwarded-host") ?? req.get("host"))) return next();
    res.status(403).type("text/plain").send("This form was sent from another site, so it was not accepted.");
  });

  // A tenant's custom domain serves the tenant's routes at its root, and everything built while
  // answering (links, callbacks, the passkey relying party) names that domain.
  app.use(async (req, res, next) => {
    try {
      const slug = await (await entry()).hostTenantSlug(req.hostname.toLowerCase());
      if (!slug) return next();
      req.headers[HOST_TENANT_HEADER] = slug;
      const atTheRoot = pageAtTheRoot(req.originalUrl, slug, {
        method: req.method,
        accept: req.get("accept"),
        fetchDest: req.get("sec-fetch-dest"),
      });
      if (atTheRoot !== null) return res.redirect(302, atTheRoot);
      const rewritten = customDomainPath(req.originalUrl, slug);
      if (rewritten === null) return refuse(req, res, NOT_ON_CUSTOM_DOMAIN);
      // Remix's adapter builds its URL from originalUrl, so both are rewritten.
      req.url = req.originalUrl = rewritten;
      onCustomDomain({ slug, origin: requestOrigin(req) }, next);
    } catch (error) {
      next(error);
    }
  });

  const handleRequest = createRequestHandler(getBuild, dev ? "development" : "production");
  app.use(async (req, res, next) => {
    try {
      // A page view's loaders share lookups (app/http/request-scope.server.ts); writes never do.
      const handle = () => handleRequest(remixRequest(req, res));
      const response = req.method === "GET" || req.method === "HEAD" ? await withRequestScope(handle) : await handle();
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // Errors Express raises for a client's mistake carry a 4xx status: answered as such, and
    // not logged as errors.
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      if (res.headersSent) return;
      return refuse(req, res, { status, code: "bad_request", message: "The request could not be read." });
    }
    answerInternalError(req, res, error);
  });

  const port = Number(process.env.PORT ?? 3000);
  // HOST unset: every interface (what a container or a reverse proxy on another host needs).
  const host = process.env.HOST || undefined;
  const onListening = () => {
    const base = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
    log.info({ port }, `Listening on ${base}`);
    log.info(`Demo sign-in: ${base}/t/demo/sign-in`);
  };
  const server = createServer(front);
  if (host) server.listen(port, host, onListening);
  else server.listen(port, onListening);
  // Prometheus may scrape this port without a token: keep it off the load balancer.
  const metricsServer =
    metricsPort === undefined
      ? undefined
      : express()
          .get("/metrics", metricsEndpoint(undefined))
          .listen(metricsPort, host ?? "0.0.0.0", () => log.info({ port: metricsPort }, "Metrics listening"));

  /**
   * Graceful shutdown (docs/self-hosting.md): /readyz answers 503, the listener closes, the
   * requests in flight finish, then the outbox workers stop and release what they hold and the
   * pools close. Exit 0 when all of that finished within PORTICO_SHUTDOWN_TIMEOUT; past it the
   * remaining connections are cut and the exit code is 1.
   */
  const shutdown = async (signal: string) => {
    if (draining) return;
    draining = true;
    log.info({ signal }, `${signal}: draining (up to ${shutdownTimeoutMs / 1000} s).`);
    const deadline = setTimeout(() => {
      log.error("Shutdown timed out: closing the remaining connections.");
      server.closeAllConnections();
      process.exit(1);
    }, shutdownTimeoutMs);
    deadline.unref();
    try {
      const portico = await entry();
      portico.startDraining();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would otherwise hold close() open; a busy one becomes
        // idle after its answer, so they are swept until the last one is gone.
        const sweep = setInterval(() => server.closeIdleConnections(), 200);
        server.once("close", () => clearInterval(sweep));
        server.closeIdleConnections();
      });
      await portico.shutdown();
      metricsServer?.close();
      await vite?.close();
      await tracing.shutdown();
      log.info("Stopped.");
      clearTimeout(deadline);
      process.exit(0);
    } catch (error) {
      log.error({ err: errorField(error) }, "Shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

void main();
