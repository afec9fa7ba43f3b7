import { describe, expect, it } from "vitest";
import { normalizeIp } from "./client-ip";

describe("normalizeIp", () => {
  it("turns IPv4-mapped IPv6 into IPv4", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("::FFFF:203.0.113.9")).toBe("203.0.113.9");
  });

  it("compresses IPv6 canonically, as better-auth's expanded rows were not", () => {
    expect(normalizeIp("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeIp("2001:DB8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(normalizeIp("::1")).toBe("::1");
  });

  it("reads the all-zero address of old masked rows as unknown", () => {
    expect(normalizeIp("0000:0000:0000:0000:0000:0000:0000:0000")).toBeNull();
    expect(normalizeIp("")).toBeNull();
    expect(normalizeIp(null)).toBeNull();
  });

  it("keeps IPv4 and leaves what is not an address alone", () => {
    expect(normalizeIp("127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("not-an-ip")).toBe("not-an-ip");
  });
});
