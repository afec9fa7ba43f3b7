import { describe, expect, it } from "vitest";
import { customDomainPath } from "./custom-domain-paths.server";

describe("customDomainPath", () => {
  it("serves the tenant's pages at the domain's root", () => {
    expect(customDomainPath("/", "acme")).toBe("/t/acme");
    expect(customDomainPath("/sign-in?redirectTo=%2Faccount", "acme")).toBe("/t/acme/sign-in?redirectTo=%2Faccount");
    expect(customDomainPath("/sign-up.data", "acme")).toBe("/t/acme/sign-up.data");
    expect(customDomainPath("/_root.data?x=1", "acme")).toBe("/t/acme.data?x=1");
  });

  it("keeps the tenant's own /t/<slug> paths (the widgets) and the management API as they are", () => {
    expect(customDomainPath("/t/acme/config.json", "acme")).toBe("/t/acme/config.json");
    expect(customDomainPath("/api/v1/users?limit=5", "acme")).toBe("/api/v1/users?limit=5");
  });

  it("never reaches another tenant's paths: they become this tenant's (unknown) pages", () => {
    expect(customDomainPath("/t/globex/sign-in", "acme")).toBe("/t/acme/t/globex/sign-in");
    expect(customDomainPath("/t/acme-evil/sign-in", "acme")).toBe("/t/acme/t/acme-evil/sign-in");
  });

  it("refuses the console and the platform's API", () => {
    for (const path of ["/admin", "/admin/acme/api-keys", "/admin.data", "/admin?x", "/api/platform/auth/get-session"])
      expect(customDomainPath(path, "acme"), path).toBeNull();
    expect(customDomainPath("/administrators", "acme")).toBe("/t/acme/administrators");
  });

  it("asks Remix's route discovery about the tenant's routes", () => {
    const rewritten = customDomainPath("/__manifest?p=%2Fsign-up&p=%2F&version=abc", "acme")!;
    const query = new URL(rewritten, "http://x").searchParams;
    expect(new URL(rewritten, "http://x").pathname).toBe("/__manifest");
    expect(query.getAll("p")).toEqual(["/t/acme/sign-up", "/t/acme"]);
    expect(query.get("version")).toBe("abc");
  });
});
