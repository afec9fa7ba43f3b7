import { describe, expect, it } from "vitest";
import { checkDomains, recordsFor, systemResolve } from "./domain-check.server";

describe("recordsFor", () => {
  it("asks for a CNAME to the public host for a subdomain", () => {
    expect(recordsFor("auth.acme.com", "id.portico.example", ["203.0.113.7"])).toEqual([
      { type: "CNAME", name: "auth.acme.com", value: "id.portico.example" },
    ]);
  });

  it("asks for A/AAAA records for an apex, which cannot hold a CNAME", () => {
    expect(recordsFor("acme.com", "id.portico.example", ["203.0.113.7", "2001:db8::7"])).toEqual([
      { type: "A", name: "acme.com", value: "203.0.113.7" },
      { type: "AAAA", name: "acme.com", value: "2001:db8::7" },
    ]);
  });

  it("asks for an A record when the public host is an IP address", () => {
    expect(recordsFor("auth.acme.com", "203.0.113.7", ["203.0.113.7"])).toEqual([
      { type: "A", name: "auth.acme.com", value: "203.0.113.7" },
    ]);
  });
});

describe("checkDomains with this machine's resolver", () => {
  it("tells a domain that resolves here from one that points elsewhere or does not resolve", async () => {
    const checks = await checkDomains(["app.localhost", "198.51.100.4", "nothing.invalid"], "localhost");
    expect(checks.map((check) => [check.hostname, check.status])).toEqual([
      ["app.localhost", { state: "resolves-here", addresses: ["127.0.0.1", "::1"] }],
      ["198.51.100.4", { state: "points-elsewhere", addresses: ["198.51.100.4"] }],
      ["nothing.invalid", { state: "does-not-resolve" }],
    ]);
  });

  it("cannot judge anything when the public host itself does not resolve", async () => {
    const [check] = await checkDomains(["auth.acme.com"], "portico.invalid");
    expect(check!.status).toEqual({ state: "unknown", reason: "the public host does not resolve here" });
  });

  it("reports a failing lookup as unknown instead of failing the page", async () => {
    const failing = async (hostname: string) => {
      if (hostname === "broken.example.com") throw new Error("SERVFAIL");
      return systemResolve(hostname);
    };
    const [check] = await checkDomains(["broken.example.com"], "localhost", failing);
    expect(check!.status).toEqual({ state: "unknown", reason: "the lookup failed (SERVFAIL)" });
  });
});
