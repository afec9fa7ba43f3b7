import http from "node:http";
import https from "node:https";
import { checkedLookup } from "./ssrf.server";

export type PostOutcome = {
  status: number | null;
  /** The answer's headers as the delivery log keeps them (see `keptHeaders`); null without an answer. */
  headers: Record<string, string> | null;
  body: string | null;
  error: string | null;
  retryAfterHeader: string | null;
};

const RESPONSE_EXCERPT_BYTES = 1024;
const KEPT_HEADERS = 30;
const KEPT_HEADER_CHARS = 256;

/**
 * What the delivery log keeps of a receiver's headers: the first 30, each value cut at 256
 * characters, so a receiver cannot fill the log. Cookies it sets are not kept (they are its
 * users' business, not the tenant admin's).
 */
function keptHeaders(raw: string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (let i = 0; i + 1 < raw.length && count < KEPT_HEADERS; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name === "set-cookie") continue;
    const value = raw[i + 1]!.slice(0, KEPT_HEADER_CHARS);
    if (kept[name] === undefined) count++;
    kept[name] = kept[name] === undefined ? value : `${kept[name]}, ${value}`.slice(0, KEPT_HEADER_CHARS);
  }
  return kept;
}

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
            headers: keptHeaders(response.rawHeaders),
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
        finish({
          status: null,
          headers: null,
          body: null,
          error: `Timed out after ${timeoutMs / 1000} s.`,
          retryAfterHeader: null,
        }),
      timeoutMs,
    );
    request.on("error", (error) =>
      finish({ status: null, headers: null, body: null, error: error.message, retryAfterHeader: null }),
    );
    request.end(body);
  });
}
