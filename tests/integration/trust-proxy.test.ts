/**
 * Issue 13, item 5: which X-Forwarded-For entry becomes the client IP (rate limits, audit log).
 * A real Express app with the setting server.ts uses, and a client that forges the header.
 */
import express from "express";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseTrustProxy, readEnv, type TrustProxy } from "~/config/env.server";

let close: (() => void) | undefined;
afterEach(() => close?.());

/** The IP Portico sees for a request from this machine carrying `forwardedFor`. */
async function seenIp(trust: TrustProxy, forwardedFor: string): Promise<string> {
  const app = express();
  app.set("trust proxy", trust);
  app.get("/", (req, res) => void res.send(req.ip));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": forwardedFor } });
  return response.text();
}

describe("PORTICO_TRUST_PROXY", () => {
  it("refuses `true` in production, naming the variable and what to set instead", () => {
    const env = { PORTICO_TRUST_PROXY: "true", PORTICO_SECRET: "s".repeat(48), PUBLIC_URL: "https://auth.example.com" };
    expect(() => readEnv(env as unknown as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => readEnv(env as unknown as NodeJS.ProcessEnv)).toThrow(
      /PORTICO_TRUST_PROXY=true would let any client choose its IP.*PORTICO_TRUST_PROXY=1.*loopback/,
    );
  });

  it("accepts hop counts and address lists, and refuses anything else with the variable named", () => {
    expect(parseTrustProxy(undefined, true)).toBe(false);
    expect(parseTrustProxy("1", true)).toBe(1);
    expect(parseTrustProxy("loopback, 10.0.0.0/8, 192.168.1.7, fd00::/8", true)).toEqual([
      "loopback",
      "10.0.0.0/8",
      "192.168.1.7",
      "fd00::/8",
    ]);
    expect(parseTrustProxy("true", false)).toBe(true);
    for (const value of ["yes", "10.0.0.0/33", "proxy.internal", "1.2.3"]) {
      const env = { PORTICO_TRUST_PROXY: value, PORTICO_SECRET: "s".repeat(48) };
      expect(() => readEnv(env as unknown as NodeJS.ProcessEnv), value).toThrow(
        /Invalid environment variable PORTICO_TRUST_PROXY: must be a hop count/,
      );
    }
  });

  it("with a hop count, a forged leftmost X-Forwarded-For does not change the IP: the proxy's entry wins", async () => {
    // The client sent "6.6.6.6"; the one proxy in front appended the address it saw.
    expect(await seenIp(parseTrustProxy("1", true), "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("with proxy addresses, a client that is not one of them cannot set its IP at all", async () => {
    expect(await seenIp(parseTrustProxy("10.0.0.0/8", true), "6.6.6.6")).toBe("127.0.0.1");
    // Behind a trusted loopback proxy, the right-most untrusted hop is the client.
    expect(await seenIp(parseTrustProxy("loopback", true), "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("unset, forwarded headers are ignored", async () => {
    expect(await seenIp(parseTrustProxy(undefined, true), "6.6.6.6")).toBe("127.0.0.1");
  });
});
