import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "~/auth/redirect.server";

const shared = {
  requestOrigin: "http://localhost:3999",
  basePath: "/t/acme",
  trustedOrigins: ["https://app.acme.test"],
};
const hosted = { requestOrigin: "https://auth.acme.test", basePath: "", trustedOrigins: ["https://app.acme.test"] };

describe("safeRedirectTarget on the shared host (/t/<slug>)", () => {
  it.each([
    ["/t/acme", "/t/acme"],
    ["/t/acme/account", "/t/acme/account"],
    ["/t/acme/account?tab=security#mfa", "/t/acme/account?tab=security#mfa"],
    ["http://localhost:3999/t/acme/account", "/t/acme/account"],
    ["/t/acme/../acme/account", "/t/acme/account"],
  ])("allows the tenant's own page %s", (raw, expected) => {
    expect(safeRedirectTarget(raw, shared)).toBe(expected);
  });

  it.each(["https://app.acme.test/", "https://app.acme.test/welcome?x=1"])("allows the trusted origin %s", (raw) => {
    expect(safeRedirectTarget(raw, shared)).toBe(raw);
  });

  it.each([
    ["another tenant's page", "/t/other/account"],
    ["a tenant whose slug extends ours", "/t/acme-evil/account"],
    ["a path escaping the tenant with ..", "/t/acme/../other/account"],
    ["the platform's own pages", "/admin"],
    ["a protocol-relative URL", "//evil.com"],
    ["a protocol-relative URL with a path", "//evil.com/t/acme"],
    ["a backslash URL browsers read as protocol-relative", "/\\evil.com"],
    ["a path hiding // behind a tab browsers strip", "/\t/evil.com"],
    ["a path hiding // behind a newline browsers strip", "/\n/evil.com"],
    ["another https host", "https://evil.com"],
    ["a look-alike of the trusted origin", "https://app.acme.test.evil.com/"],
    ["the trusted host over plain http", "http://app.acme.test/"],
    ["the trusted host on another port", "https://app.acme.test:8443/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["an uppercase JavaScript: URL", "JavaScript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "account"],
    ["an empty value", ""],
    ["an overlong value", `/t/acme/${"a".repeat(2100)}`],
    // Values that only become another host once the URL is normalised (issue 13, item 3).
    ["a dot segment before //", "/.//evil.com"],
    ["a parent segment before //", "/..//evil.com"],
    ["an encoded dot segment before //", "/%2e//evil.com"],
    ["an encoded parent segment before //", "/%2e%2e//evil.com"],
    ["dot segments after the tenant's path", "/t/acme/..//evil.com"],
    ["a dot segment before a backslash", "/./\\evil.com"],
    ["backslashes only", "\\\\evil.com"],
    ["a slash and a backslash", "/\\/evil.com"],
    ["a carriage return browsers strip", "/\r/evil.com"],
    ["a null byte", "/t/acme/\u0000//evil.com"],
    ["a JavaScript URL behind spaces", " javascript:alert(1)"],
    ["a JavaScript URL with a tab inside", "java\tscript:alert(1)"],
    ["an encoded javascript: path", "/javascript:alert(1)//%0a"],
    ["userinfo pointing at another host", "https://app.acme.test@evil.com/"],
    ["userinfo on the trusted origin", "https://user:pass@app.acme.test/"],
    ["an IDN look-alike of the trusted host", "https://app.аcme.test/"],
    ["a host-less https URL", "https:evil.com"],
    ["a triple-slash URL", "https:///evil.com"],
    ["a mailto: URL", "mailto:a@evil.com"],
  ])("refuses %s", (_label, raw) => {
    expect(safeRedirectTarget(raw, shared)).toBeNull();
  });

  it("refuses a missing value", () => {
    expect(safeRedirectTarget(null, shared)).toBeNull();
    expect(safeRedirectTarget(undefined, shared)).toBeNull();
  });
});

describe("safeRedirectTarget on a tenant's own domain", () => {
  it("allows any path on the domain and the trusted origins", () => {
    expect(safeRedirectTarget("/account", hosted)).toBe("/account");
    expect(safeRedirectTarget("https://auth.acme.test/account?x=1", hosted)).toBe("/account?x=1");
    expect(safeRedirectTarget("https://app.acme.test/home", hosted)).toBe("https://app.acme.test/home");
  });

  it("still refuses other hosts and scripts", () => {
    for (const raw of [
      "//evil.com",
      "/\\evil.com",
      "https://evil.com/",
      "javascript:alert(1)",
      "http://auth.acme.test/account",
      "/.//evil.com",
      "/..//evil.com",
      "/%2e//evil.com",
      "/%2E%2E//evil.com",
      "/./\\evil.com",
    ]) {
      expect(safeRedirectTarget(raw, hosted), raw).toBeNull();
    }
  });
});
