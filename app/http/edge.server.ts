/**
 * The HTTP edge's rules, applied by server.ts and its front (app/http/front.server.ts) before
 * Remix or better-auth sees a request. Mostly plain functions of the method, path and headers,
 * so they are tested without a server.
 */
import type { IncomingMessage } from "node:http";
import { isFormContentType } from "./read-form.server";

/** Forms and JSON credentials are small. */
export const MAX_BODY_BYTES = 256 * 1024;
/** The theme editor's image uploads (up to 1 MB each, refused above that with a field error). */
export const MAX_UPLOAD_BODY_BYTES = 2 * 1024 * 1024;
/** The management API's largest body (user imports); it applies its own, lower limits per operation. */
export const MAX_API_BODY_BYTES = 10 * 1024 * 1024;

const UPLOAD_PATH = /^\/admin\/[^/]+\/branding(?:\.data)?$/;

/** The most bytes a request to this path may send, counted as they are read. */
export function bodyLimit(path: string): number {
  if (path.startsWith("/api/v1/")) return MAX_API_BODY_BYTES;
  return UPLOAD_PATH.test(path) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

/** APIs (better-auth's, the management API) answer every method and content type themselves. */
export function isApiPath(path: string): boolean {
  return path.includes("/api/");
}

/**
 * Forward auth (app/forward-auth): server.ts answers these paths itself, before the page rules,
 * body reading and Remix (gateways ask with the original request's method and no Origin). On a
 * custom domain the path has no /t/<slug> prefix.
 */
export function isGatewayPath(path: string): boolean {
  return /^(\/t\/[^/]+)?\/forward-auth(\/|$)/.test(path);
}

/** Whether the path's percent-encoding can be decoded (Express would otherwise throw a 500). */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const PAGE_METHODS = "GET, HEAD, POST";
/** What the APIs may be sent; Remix's router refuses anything else (with a logged error). */
export const API_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
/** Remix's single-fetch data requests (`<page>.data`): loaders by GET, actions by POST. */
export const DATA_METHODS = "GET, POST";

export type Refusal = { status: number; code: string; message: string; headers?: Record<string, string> };

/**
 * Requests no route can take, refused before Remix: methods outside HTTP's usual set
 * (PROPFIND, FOO), `.data` requests by other methods than GET and POST, and `.data` on an
 * API path (the APIs have no such addresses).
 */
export function routeRefusal(method: string, path: string): Refusal | null {
  const api = isApiPath(path);
  if (!API_METHODS.split(", ").includes(method)) {
    const allow = api ? API_METHODS : PAGE_METHODS;
    return { status: 405, code: "method_not_allowed", message: `Use ${allow}.`, headers: { Allow: allow } };
  }
  if (!path.endsWith(".data")) return null;
  if (api) return { status: 404, code: "not_found", message: "There is nothing at this address." };
  if (method === "GET" || method === "POST") return null;
  return {
    status: 405,
    code: "method_not_allowed",
    message: `Data requests accept ${DATA_METHODS} only.`,
    headers: { Allow: DATA_METHODS },
  };
}

/**
 * What pages (hosted, console, platform, marketing, docs, and their `.data` twins) accept:
 * visits, and HTML form posts. Anything else is refused here with the status that says why.
 */
export function pageRequestRefusal(method: string, contentType: string | undefined): Refusal | null {
  if (method === "GET" || method === "HEAD") return null;
  if (method !== "POST") {
    return {
      status: 405,
      code: "method_not_allowed",
      message: `Pages accept ${PAGE_METHODS} only.`,
      headers: { Allow: PAGE_METHODS },
    };
  }
  if (!isFormContentType(contentType ?? null)) {
    return {
      status: 415,
      code: "unsupported_media_type",
      message: "Pages accept HTML form posts only (application/x-www-form-urlencoded or multipart/form-data).",
    };
  }
  return null;
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: "too_large" | "aborted" };

/**
 * Reads a request body, counting bytes as they arrive, and stops at `limit`: a declared
 * Content-Length over it is refused before reading, and a chunked body (which declares none)
 * is cut off the moment it passes it, so no one can make the server hold more than `limit`.
 * Unlike body-parser, it does not drain the rest of an oversized body before answering.
 */
export function readCappedBody(stream: NodeJS.ReadableStream, contentLength: string | undefined, limit: number) {
  return new Promise<BodyRead>((resolve) => {
    if (Number(contentLength ?? 0) > limit) return resolve({ ok: false, reason: "too_large" });
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      stream.removeListener("data", onData);
      stream.removeListener("end", onEnd);
      stream.removeListener("error", onAbort);
      stream.removeListener("close", onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        return finish({ ok: false, reason: "too_large" });
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onAbort = () => finish({ ok: false, reason: "aborted" });
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("error", onAbort);
    stream.once("close", onAbort);
  });
}

export function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    code: "payload_too_large",
    message: `Request bodies are limited to ${Math.round(limit / 1024)} KB here.`,
  };
}

/**
 * After a 413 the client is usually still sending. Closing at once would reset the connection
 * and lose the answer, so (like nginx's lingering close) what arrives is read and dropped for
 * at most 5 seconds (nothing is kept; 64 MB at most), then the connection is closed unless the
 * body ended. The limit is time, not bytes: on a fast link a few megabytes arrive before the
 * client has read the answer.
 */
export function lingerThenHangUp(req: IncomingMessage) {
  let dropped = 0;
  const hangUp = () => req.socket.destroy();
  const timer = setTimeout(hangUp, 5_000).unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 64 * 1024 * 1024) hangUp();
  });
  req.once("end", () => clearTimeout(timer));
  req.resume();
}
