import http from "node:http";
import https from "node:https";
import { checkedLookup } from "./ssrf.server";

export type PostOutcome = {
  status: number | null;
  body: string | null;
  error: string | null;
  retryAfterHeader: string | null;
};

const RESPONSE_EXCERPT_BYTES = 1024;

/**
 * POSTs a webhook with node:http(s) rather than fetch, because the connection must use
 * checkedLookup (the SSRF check on the very address it connects to), which fetch cannot take
 * without the undici package. Redirects are not followed: they could lead to an address the
 * check never saw, so they count as failures. Only the first KB of the answer is read.
 */
export function postWebhookRequest(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
        lookup: checkedLookup,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            status: response.statusCode ?? null,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8"),
            error: null,
            retryAfterHeader: [response.headers["retry-after"]].flat()[0] ?? null,
          });
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.byteLength;
          if (size >= RESPONSE_EXCERPT_BYTES) done();
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(
      () =>
        finish({ status: null, body: null, error: `Timed out after ${timeoutMs / 1000} s.`, retryAfterHeader: null }),
      timeoutMs,
    );
    request.on("error", (error) => finish({ status: null, body: null, error: error.message, retryAfterHeader: null }));
    request.end(body);
  });
}
