/**
 * Issue 13, items 9 and 10: requests a browser never sends (wrong methods, non-form bodies,
 * broken multipart, undecodable paths, chunked uploads past the size cap) get a 4xx that says
 * what was wrong, on hosted, platform and console pages and on the APIs. Each of these
 * answered 500, or read the whole chunked body, before.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { test as consoleTest } from "./console-fixtures";
import { baseURL, expect, randomClientIp, test } from "./fixtures";

const FORM_PAGES = [
  "/sign-in",
  "/sign-up",
  "/t/demo/sign-in",
  "/t/demo/sign-up",
  "/t/demo/reset-password",
  "/t/demo/forgot-password",
  "/t/demo/verify-email",
];

test("a page's form post with a JSON, text, XML or missing body is 415, naming the form types", async ({ request }) => {
  const bodies: { contentType?: string; data?: string }[] = [
    { contentType: "application/json", data: '{"email":"a@example.com"}' },
    { contentType: "text/plain", data: "email=a@example.com" },
    { contentType: "application/xml", data: "<a/>" },
    {},
  ];
  for (const path of [...FORM_PAGES, "/sign-out"]) {
    for (const { contentType, data } of bodies) {
      const response = await request.post(path, {
        headers: contentType ? { "content-type": contentType } : {},
        data,
        maxRedirects: 0,
      });
      expect(response.status(), `${path} ${contentType}`).toBe(415);
      expect(await response.text()).toContain("application/x-www-form-urlencoded or multipart/form-data");
    }
  }
});

test("a broken multipart body is 400, not 500", async ({ request }) => {
  for (const path of FORM_PAGES) {
    const response = await request.post(path, {
      // From the page's own origin, so the hosted pages' trusted-form check lets it through.
      headers: { "content-type": "multipart/form-data; boundary=xyz", origin: baseURL },
      data: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf a part',
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toContain("The form could not be read");
  }
});

test("PUT, PATCH and DELETE on pages are 405 with Allow; odd methods on APIs too", async ({ request }) => {
  for (const path of [...FORM_PAGES, "/admin/demo/branding", "/admin/demo/api-keys", "/admin/demo/settings"]) {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow).toBe("GET, HEAD, POST");
    }
  }
  const propfind = await request.fetch("/t/demo/api/auth/get-session", { method: "PROPFIND" });
  expect(propfind.status()).toBe(405);
  expect(propfind.headers().allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  // Remix's data requests are GET or POST; a HEAD or PUT on one is refused the same way.
  const dataPut = await request.fetch("/t/demo/sign-in.data", { method: "PUT" });
  expect(dataPut.status()).toBe(405);
  expect(dataPut.headers().allow).toBe("GET, POST");
});

/** A raw request, so the path is sent exactly as written (fetch clients normalize it). */
function rawRequest(method: string, path: string, headers: Record<string, string> = {}, body?: () => Buffer | null) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number }>(
    (resolve, reject) => {
      const { hostname, port } = new URL(baseURL);
      let sentBytes = 0;
      const outgoing = http.request({ hostname, port, method, path, headers }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: text, sentBytes }),
        );
      });
      outgoing.on("error", reject);
      if (!body) return void outgoing.end();
      // A chunked body, written until it ends, the server answers, or 20 MB went out.
      let answered = false;
      outgoing.on("response", () => (answered = true));
      const pump = () => {
        while (!answered && !outgoing.destroyed && sentBytes < 20 * 1024 * 1024) {
          const chunk = body();
          if (!chunk) break;
          sentBytes += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
        }
        outgoing.end();
      };
      pump();
    },
  );
}

test("a path with malformed percent-encoding is 400, on pages and the management API", async () => {
  for (const path of ["/t/%E0%A4%A/sign-in", "/api/v1/users/%E0%A4%A", "/admin/%/settings"]) {
    const response = await rawRequest("GET", path);
    expect(response.status, path).toBe(400);
    expect(response.body).toContain("malformed percent-encoding");
  }
  const api = await rawRequest("GET", "/api/v1/users/%E0%A4%A");
  expect(JSON.parse(api.body)).toMatchObject({ error: { code: "bad_path" } });
});

/**
 * A chunked upload over a raw socket, written until the server answers or 20 MB went out.
 * (An HTTP client library gives up on its write error when the server answers early and
 * closes; the answer is still on the socket.)
 */
function chunkedUpload(path: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(baseURL);
  return new Promise<{ status: number; headers: string; body: string; sentBytes: number }>((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    let received = "";
    let sentBytes = 0;
    // One frame per turn of the event loop, so the answer is read as soon as it arrives (as a
    // real client would) instead of after a synchronous burst of megabytes.
    const pump = () => {
      if (received || socket.destroyed || sentBytes >= 20 * 1024 * 1024) return;
      sentBytes += chunk.length;
      if (socket.write(frame)) setImmediate(pump);
      else socket.once("drain", pump);
    };
    socket.on("data", (data) => (received += data.toString("utf8")));
    socket.on("error", () => {}); // EPIPE/ECONNRESET once the server stops reading: expected.
    socket.on("close", () => {
      const [head = "", body = ""] = received.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), headers: head, body, sentBytes });
    });
    const lines = Object.entries({
      ...headers,
      host: `${hostname}:${port}`,
      "transfer-encoding": "chunked",
      "x-forwarded-for": randomClientIp(),
    });
    socket.write(`POST ${path} HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}`).join("\r\n")}\r\n\r\n`);
    pump();
  });
}

test("a chunked body is cut off at the size cap: 413 long before 20 MB were read", async () => {
  const signIn = await chunkedUpload("/t/demo/api/auth/sign-in/email", { "content-type": "application/json" });
  expect(signIn.status, signIn.headers).toBe(413);
  expect(JSON.parse(signIn.body)).toEqual({
    error: { code: "payload_too_large", message: "Request bodies are limited to 256 KB here." },
  });
  expect(signIn.sentBytes).toBeLessThan(20 * 1024 * 1024);

  // The management API's import limit (10 MB) caps chunked bodies too.
  const importing = await chunkedUpload("/api/v1/users/import", {
    "content-type": "application/json",
    authorization: "Bearer pk_test_x",
  });
  expect(importing.status, importing.headers).toBe(413);
  expect(JSON.parse(importing.body)).toMatchObject({
    error: { message: "Request bodies are limited to 10240 KB here." },
  });
});

test("a small chunked JSON body still reaches the auth API", async () => {
  let sent = false;
  const response = await rawRequest(
    "POST",
    "/t/demo/api/auth/sign-in/email",
    {
      "content-type": "application/json",
      "transfer-encoding": "chunked",
      origin: baseURL,
      "x-forwarded-for": randomClientIp(),
    },
    () => {
      if (sent) return null;
      sent = true;
      return Buffer.from(JSON.stringify({ email: `nobody-${randomUUID()}@example.com`, password: "wrong-password-1" }));
    },
  );
  expect(response.status).toBe(401);
  expect(JSON.parse(response.body)).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
});

consoleTest(
  "console actions with a valid session refuse JSON (415) and broken multipart (400)",
  async ({ page, ownedTenant }) => {
    for (const section of ["branding", "api-keys", "settings", "webhooks", "members"]) {
      const path = `/admin/${ownedTenant.slug}/${section}`;
      const json = await page.request.post(path, { data: { intent: "create" }, maxRedirects: 0 });
      expect(json.status(), path).toBe(415);
      const broken = await page.request.post(path, {
        headers: { "content-type": "multipart/form-data; boundary=b" },
        data: "--b\r\nContent-Disposition: form-data; name=intent\r\n\r\ncrea",
        maxRedirects: 0,
      });
      expect(broken.status(), path).toBe(400);
    }
  },
);
