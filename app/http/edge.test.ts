import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  bodyLimit,
  isDecodablePath,
  isGatewayPath,
  pageRequestRefusal,
  readCappedBody,
  routeRefusal,
} from "./edge.server";

/** A body that arrives in `count` chunks of `size` bytes and declares no length (chunked). */
function chunked(count: number, size: number) {
  let sent = 0;
  const stream = new Readable({
    read() {
      this.push(sent++ < count ? Buffer.alloc(size, "a") : null);
    },
  });
  return { stream, sent: () => sent };
}

describe("readCappedBody", () => {
  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const body = chunked(10_000, 64 * 1024); // 625 MB if read to the end
    expect(await readCappedBody(body.stream, undefined, 256 * 1024)).toEqual({ ok: false, reason: "too_large" });
    expect(body.sent()).toBeLessThan(10);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const body = chunked(1, 10);
    expect(await readCappedBody(body.stream, String(300 * 1024), 256 * 1024)).toEqual({
      ok: false,
      reason: "too_large",
    });
    expect(body.sent()).toBe(0);
  });

  it("returns a body within the limit whole", async () => {
    const read = await readCappedBody(chunked(4, 1000).stream, undefined, 256 * 1024);
    expect(read.ok && read.body.length).toBe(4000);
  });
});

describe("edge rules", () => {
  it("gives each path its body limit", () => {
    expect(bodyLimit("/t/demo/api/auth/sign-in/email")).toBe(256 * 1024);
    expect(bodyLimit("/admin/demo/branding")).toBe(2 * 1024 * 1024);
    expect(bodyLimit("/api/v1/users/import")).toBe(10 * 1024 * 1024);
  });

  it("finds undecodable paths", () => {
    expect(isDecodablePath("/t/%E0%A4%A/sign-in")).toBe(false);
    expect(isDecodablePath("/t/demo/sign-in%20x")).toBe(true);
  });

  it("refuses what pages and data requests cannot take, with the status that says why", () => {
    expect(pageRequestRefusal("GET", undefined)).toBeNull();
    expect(pageRequestRefusal("POST", "multipart/form-data; boundary=x")).toBeNull();
    expect(pageRequestRefusal("POST", "application/json")).toMatchObject({ status: 415 });
    expect(pageRequestRefusal("POST", undefined)).toMatchObject({ status: 415 });
    expect(pageRequestRefusal("DELETE", undefined)).toMatchObject({
      status: 405,
      headers: { Allow: "GET, HEAD, POST" },
    });
    expect(routeRefusal("PROPFIND", "/sign-in")).toMatchObject({ status: 405 });
    expect(routeRefusal("HEAD", "/sign-out.data")).toMatchObject({ status: 405, headers: { Allow: "GET, POST" } });
    expect(routeRefusal("POST", "/t/demo/api/auth/sign-in/email.data")).toMatchObject({ status: 404 });
    expect(routeRefusal("PUT", "/api/v1/users/abc")).toBeNull();
  });
});

describe("isGatewayPath", () => {
  it("takes the forward-auth paths on the shared host and on a custom domain, nothing else", () => {
    for (const path of [
      "/t/acme/forward-auth",
      "/t/acme/forward-auth/nginx",
      "/t/acme/forward-auth/envoy/a/b",
      "/forward-auth",
    ])
      expect(isGatewayPath(path), path).toBe(true);
    for (const path of ["/t/acme/forward-authx", "/t/acme/sign-in", "/x/forward-auth", "/t/a/b/forward-auth"])
      expect(isGatewayPath(path), path).toBe(false);
  });
});
