/**
 * Portico's HTTP server: Express in front of the Remix request handler.
 *   node --import tsx server.ts          serves the production build in ./build (or PORTICO_BUILD_DIR)
 *   node --import tsx server.ts --dev    serves through Vite with hot reload
 * It owns what must happen before Remix sees a request: the client IP (only from trusted
 * proxies), custom-domain rewriting to the tenant's routes, and static assets.
 */
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { existsSync } from "node:fs";
import path from "node:path";

// Real environment variables win over the file (the same rule as scripts/start.ts).
if (existsSync(".env")) process.loadEnvFile(".env");

const dev = process.argv.includes("--dev");
const buildDir = path.resolve(process.env.PORTICO_BUILD_DIR ?? "build");
const CLIENT_IP_HEADER = "x-portico-client-ip";
const HOST_TENANT_HEADER = "x-portico-host-tenant";
const MAX_BODY_BYTES = 256 * 1024;
// The theme editor's image uploads (up to 1 MB each, refused above that with a field error).
const MAX_UPLOAD_BODY_BYTES = 2 * 1024 * 1024;
const UPLOAD_PATH = /^\/admin\/[^/]+\/branding(?:\.data)?$/;

type PorticoEntry = {
  bootstrap(): Promise<{ createdDemo: boolean }>;
  hostTenantSlug(hostname: string): Promise<string | null>;
};

function trustProxySetting(value: string | undefined): boolean | number | string {
  if (!value) return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

const DEFAULT_RESPONSE_HEADERS = {
  "X-Frame-Options": "SAMEORIGIN",
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

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
  const { getBuild, vite } = await loadBuild();
  const entry = async () => (await getBuild()).entry.module as unknown as PorticoEntry;

  try {
    const { createdDemo } = await (await entry()).bootstrap();
    if (createdDemo) console.log("[portico] Created the demo tenant.");
  } catch (error) {
    // Configuration problems are the operator's to fix: one clear line, no stack trace.
    console.error(`[portico] Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(process.env.PORTICO_TRUST_PROXY));
  app.use(compression());

  app.use((req, _res, next) => {
    // Only this server decides these headers; a client sending them is ignored.
    delete req.headers[HOST_TENANT_HEADER];
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "";
    next();
  });

  // No other site may frame Portico's pages (clickjacking a sign-in or console form); the
  // console's own previews are same-origin frames. Widgets never use frames. Added when the
  // headers are written, and only where the route did not set its own (e.g. an SVG's CSP).
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
      for (const [name, value] of Object.entries(DEFAULT_RESPONSE_HEADERS)) {
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    next();
  });

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

  // Nothing Portico accepts is large (forms, JSON credentials): refuse big bodies by their
  // declared length before anything reads them. (Chunked bodies, which declare none, are not
  // capped here; browsers and HTTP clients send a length for forms and JSON.)
  app.use((req, res, next) => {
    // The management API enforces its own limits (larger for user imports, chunked bodies too).
    if (req.path.startsWith("/api/v1/")) return next();
    const limit = UPLOAD_PATH.test(req.path) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
    if (Number(req.headers["content-length"] ?? 0) <= limit) return next();
    res.status(413).json({
      error: { code: "payload_too_large", message: `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB.` },
    });
  });

  // Pages accept form posts only from their own origin. Remix refuses the others too, but
  // with a 500; this answers with the 403 a person (and a test) should see.
  app.use((req, res, next) => {
    const origin = req.headers.origin;
    if (req.method === "GET" || req.method === "HEAD" || !origin || req.path.includes("/api/")) return next();
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // A malformed Origin is treated like a foreign one.
    }
    if (originHost === (req.get("x-forwarded-host") ?? req.get("host"))) return next();
    res.status(403).type("text/plain").send("This form was sent from another site, so it was not accepted.");
  });

  // A tenant's custom domain serves the tenant's routes at its root.
  app.use(async (req, _res, next) => {
    try {
      const slug = await (await entry()).hostTenantSlug(req.hostname.toLowerCase());
      if (slug) {
        req.headers[HOST_TENANT_HEADER] = slug;
        // Remix's adapter builds its URL from originalUrl, so both are rewritten. The widgets
        // address the tenant as /t/<slug>/… on any host: that path is already the tenant's.
        if (!req.originalUrl.startsWith(`/t/${slug}/`))
          req.url = req.originalUrl = `/t/${slug}${req.originalUrl === "/" ? "" : req.originalUrl}`;
      }
      next();
    } catch (error) {
      next(error);
    }
  });

  app.all("*", createRequestHandler({ build: getBuild, mode: dev ? "development" : "production" }));

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error("[portico] Request failed:", error);
    res.status(500).json({ error: { code: "internal_error", message: "Something went wrong on our side." } });
  });

  const port = Number(process.env.PORT ?? 3000);
  // HOST unset: every interface (what a container or a reverse proxy on another host needs).
  const host = process.env.HOST || undefined;
  const onListening = () => {
    const base = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
    console.log(`[portico] Listening on ${base}`);
    console.log(`[portico] Demo sign-in: ${base}/t/demo/sign-in`);
  };
  const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening);
  const shutdown = () => server.close(() => process.exit(0));
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

void main();
