/**
 * Issue 17, item 1: server.ts's node:http front (app/http/front.server.ts) answers the auth API's
 * GET/OPTIONS/POST and forward-auth decisions ahead of Express, and must keep what Express gave those
 * paths: security headers, request ids, the client address from trusted proxies only, draining,
 * custom-domain tenants; everything else reaches Express untouched. A real node:http server with
 * the real front; the server build's answers are recorded stand-ins, Express is real.
 */
import express from "express";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustProxy } from "~/config/env.server";
import { clientAddress, frontHandler, type FastAnswers, type TrustProxy } from "~/http/front.server";

type Seen = { slug: string; url: string; headers: Record<string, string>; body: string };

let server: Server | undefined;
afterEach(() => server?.close());

async function start({ trustProxy = "loopback", draining = false, hostTenants = {} as Record<string, string> } = {}) {
  const seen: Seen[] = [];
  const expressSaw: string[] = [];
  const app = express();
  app.set("trust proxy", parseTrustProxy(trustProxy, false));
  app.use(express.text({ type: "*/*" }), (req, res) => {
    const body = typeof req.body === "string" && req.body ? ` ${req.body}` : "";
    expressSaw.push(`${req.method} ${req.originalUrl}${body}`);
    res.status(418).send("express");
  });
  const answers: FastAnswers = {
    hostTenantSlug: async (hostname) => hostTenants[hostname] ?? null,
    gatewayResponse: async (request) =>
      new URL(request.url).pathname.endsWith("/authorize") ? null : new Response(null, { status: 200 }),
    tenantAuthApiResponse: async (request, slug) => {
      const body = await request.text();
      seen.push({ slug, url: request.url, headers: Object.fromEntries(request.headers), body });
      if (slug === "broken") throw new Error("the tenant's handler failed");
      return Response.json({ slug }, { headers: { "set-cookie": "a=1" } });
    },
  };
  server = createServer(
    frontHandler({
      trust: app.get("trust proxy fn") as TrustProxy,
      httpsOnly: false,
      isDraining: () => draining,
      answers: async () => answers,
      rest: app,
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen, expressSaw };
}

describe("the node:http front", () => {
  it("answers GET on a tenant's auth API itself, with the headers Express used to add", async () => {
    const { origin, seen, expressSaw } = await start();
    const response = await fetch(`${origin}/t/acme/api/auth/get-session`, {
      headers: { "x-request-id": "trace-me-1", "x-portico-host-tenant": "forged", "x-forwarded-for": "203.0.113.9" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slug: "acme" });
    expect(response.headers.get("x-request-id")).toBe("trace-me-1");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.getSetCookie()).toEqual(["a=1"]);
    expect(expressSaw).toEqual([]);
    // The client address came through the trusted loopback proxy; a forged host tenant is dropped.
    expect(seen[0]!.headers["x-portico-client-ip"]).toBe("203.0.113.9");
    expect(seen[0]!.headers["x-portico-host-tenant"]).toBeUndefined();
    expect(seen[0]!.url).toBe(`${origin}/t/acme/api/auth/get-session`);
  });

  it("sends HSTS behind a trusted https proxy, and Connection: close while draining", async () => {
    const { origin } = await start({ draining: true });
    const response = await fetch(`${origin}/t/acme/api/auth/get-session`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("connection")).toBe("close");
  });

  it("answers POSTs on a tenant's auth API with the body, and refuses one over the cap with 413", async () => {
    const { origin, seen, expressSaw } = await start();
    const grant = await fetch(`${origin}/t/acme/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&scope=orders%3Aread",
    });
    expect(await grant.json()).toEqual({ slug: "acme" });
    expect(grant.headers.get("x-content-type-options")).toBe("nosniff");
    expect(seen[0]!.body).toBe("grant_type=client_credentials&scope=orders%3Aread");
    const huge = await fetch(`${origin}/t/acme/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "x".repeat(300 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      error: { code: "payload_too_large", message: "Request bodies are limited to 256 KB here." },
    });
    expect(seen).toHaveLength(1);
    expect(expressSaw).toEqual([]);
  });

  it("leaves refused methods, undecodable paths, pages and POSTs it does not take to Express, bodies unread", async () => {
    const { origin, seen, expressSaw } = await start();
    await fetch(`${origin}/t/acme/api/auth/get-session`, { method: "PROPFIND" });
    await fetch(`${origin}/t/acme/api/auth/%E0%A4%A`);
    // The shared host's /api/auth is the X-Portico-Tenant route's: Express must still read the body.
    await fetch(`${origin}/api/auth/sign-in/email`, { method: "POST", body: '{"email":"a@example.com"}' });
    const page = await fetch(`${origin}/t/acme/sign-in`);
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual([]);
    expect(expressSaw).toEqual([
      "PROPFIND /t/acme/api/auth/get-session",
      "GET /t/acme/api/auth/%E0%A4%A",
      'POST /api/auth/sign-in/email {"email":"a@example.com"}',
      "GET /t/acme/sign-in",
    ]);
  });

  it("leaves a forwarded host no URL can have (a:b:c) to Express rather than failing", async () => {
    const { origin, seen, expressSaw } = await start();
    const forged = { "x-forwarded-host": "a:b:c" };
    expect(
      (await fetch(`${origin}/t/acme/api/auth/sign-in/social`, { method: "OPTIONS", headers: forged })).status,
    ).toBe(418);
    expect((await fetch(`${origin}/t/acme/api/auth/get-session`, { headers: forged })).status).toBe(418);
    expect(seen).toEqual([]);
    expect(expressSaw).toEqual(["OPTIONS /t/acme/api/auth/sign-in/social", "GET /t/acme/api/auth/get-session"]);
  });

  it("serves a custom domain's /api/auth as its tenant's, and leaves another tenant's path there to Express", async () => {
    const { origin, seen, expressSaw } = await start({ hostTenants: { "auth.acme.test": "acme" } });
    const own = await fetch(`${origin}/api/auth/get-session`, { headers: { "x-forwarded-host": "auth.acme.test" } });
    expect(await own.json()).toEqual({ slug: "acme" });
    expect(seen[0]!.headers["x-portico-host-tenant"]).toBe("acme");
    expect(seen[0]!.url).toBe("http://auth.acme.test/t/acme/api/auth/get-session");
    await fetch(`${origin}/t/globex/api/auth/get-session`, { headers: { "x-forwarded-host": "auth.acme.test" } });
    // Without a custom domain, /api/auth is the X-Portico-Tenant route's (Remix, through Express).
    await fetch(`${origin}/api/auth/get-session`);
    expect(expressSaw).toEqual(["GET /t/globex/api/auth/get-session", "GET /api/auth/get-session"]);
  });

  it("answers forward-auth decisions without the page headers, and leaves the browser's steps to Express", async () => {
    const { origin, expressSaw } = await start();
    const decision = await fetch(`${origin}/t/acme/forward-auth`);
    expect(decision.status).toBe(200);
    // The protected request's method, whatever it is (a WebDAV app's PROPFIND too).
    expect((await fetch(`${origin}/t/acme/forward-auth/nginx`, { method: "PROPFIND" })).status).toBe(200);
    expect(decision.headers.get("x-frame-options")).toBeNull();
    expect(decision.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${origin}/t/acme/forward-auth/authorize`);
    expect(expressSaw).toEqual(["GET /t/acme/forward-auth/authorize"]);
  });

  it("answers a failure with a JSON 500 naming the request id, not a hang", async () => {
    const { origin } = await start();
    const response = await fetch(`${origin}/t/broken/api/auth/get-session`, { headers: { "x-request-id": "req-500" } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "internal_error", message: "Something went wrong on our side.", request_id: "req-500" },
    });
  });
});

describe("clientAddress", () => {
  /** What Express's req.ip says for the same socket and header, the reference. */
  async function expressIp(trust: ReturnType<typeof parseTrustProxy>, forwardedFor: string) {
    const app = express();
    app.set("trust proxy", trust);
    let ours = "";
    app.get("/", (req, res) => {
      ours = clientAddress(req, app.get("trust proxy fn") as TrustProxy);
      res.send(req.ip);
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server!.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const theirs = await (
      await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": forwardedFor } })
    ).text();
    server.close();
    return { ours, theirs };
  }

  it.each([
    ["false", "6.6.6.6"],
    ["1", "6.6.6.6, 203.0.113.9"],
    ["2", "6.6.6.6, 203.0.113.9"],
    ["loopback", "6.6.6.6, 203.0.113.9"],
    ["10.0.0.0/8", "6.6.6.6"],
    ["loopback, 10.0.0.0/8", "6.6.6.6, 198.51.100.4, 10.1.1.1"],
  ])("agrees with Express's req.ip for PORTICO_TRUST_PROXY=%s and X-Forwarded-For %s", async (setting, header) => {
    const trust = setting === "false" ? false : parseTrustProxy(setting, true);
    const { ours, theirs } = await expressIp(trust, header);
    expect(ours).toBe(theirs);
  });
});
