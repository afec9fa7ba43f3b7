import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { contentSecurityPolicy, createNonce, pageSources } from "~/http/csp.server";
import { NonceProvider } from "~/http/nonce";
import { RequestIdProvider } from "~/http/request-id";
import { errorField, log, logPath } from "~/ops/log.server";

// The HTTP server (server.ts) reaches these through the server build, so it shares one copy
// of the app's services with the routes instead of importing a second one.
export { bootstrap, shutdown } from "~/context.server";
export { startDraining } from "~/ops/lifecycle.server";
export { hostTenantSlug } from "~/tenancy/hostnames.server";
export { gatewayResponse } from "~/forward-auth/gateway-http.server";
export { tenantAuthApiResponse } from "~/http/tenant-auth-api.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // One nonce per page: Remix's and React's inline scripts carry it (docs/security.md).
  const nonce = createNonce();
  responseHeaders.set(
    "Content-Security-Policy",
    contentSecurityPolicy({
      nonce,
      ...(await pageSources(request).catch(() => ({ formAction: ["'self'"], scriptSrc: [] }))),
    }),
  );
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RequestIdProvider requestId={request.headers.get("x-request-id") ?? ""}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error({ err: errorField(error) }, "Rendering failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (the browser navigated away) are not errors worth logging, and neither
  // are a client's mistakes: Remix's own 4xx answers (405 for a page without an action) and
  // its warning about legacy `?_data` requests.
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (error instanceof Error && error.message.startsWith("Warning: Single fetch-enabled apps")) return;
  log.error(
    {
      req_id: request.headers.get("x-request-id"),
      method: request.method,
      path: logPath(request.url),
      err: errorField(error),
    },
    "Unhandled error",
  );
}
