import { request } from "node:http";

/**
 * `fetch` for names that only browsers resolve: Chromium sends every `*.localhost` name to the
 * loopback address (RFC 6761), Node's resolver knows none of them, and Node's fetch will not
 * send a Host header of our choosing. This sends the request to 127.0.0.1 on the URL's port
 * with the URL's host as Host, so the server sees it exactly as it sees the browser's.
 * Only what openid-client and the tests send: a method, headers and a string-like body.
 */
export async function loopbackFetch(
  input: string | URL,
  init: { method?: string; headers?: Record<string, string> | Headers; body?: unknown } = {},
): Promise<Response> {
  const url = new URL(input);
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = init.body === undefined || init.body === null ? undefined : String(init.body);
  return new Promise<Response>((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: url.port || 80,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? "GET",
        headers: {
          ...headers,
          host: url.host,
          ...(body === undefined ? {} : { "content-length": Buffer.byteLength(body) }),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, item);
          }
          const status = incoming.statusCode ?? 500;
          const noBody = status === 204 || status === 304;
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
