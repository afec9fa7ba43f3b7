import { describe, expect, it } from "vitest";
import { customDomainPath, pageAtTheRoot } from "./custom-domain-paths.server";

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

describe("pageAtTheRoot", () => {
  const browser = { method: "GET", fetchDest: "document", accept: "text/html" };

  it("sends a browser opening a page by its /t/<slug> path to the same page at the root", () => {
    expect(pageAtTheRoot("/t/acme/oauth2/consent?client_id=x&sig=y", "acme", browser)).toBe(
      "/oauth2/consent?client_id=x&sig=y",
    );
    expect(pageAtTheRoot("/t/acme", "acme", browser)).toBe("/");
    expect(pageAtTheRoot("/t/acme/embed", "acme", { method: "GET", fetchDest: "iframe" })).toBe("/embed");
    // Without Sec-Fetch-Dest, Accept tells a page visit.
    expect(pageAtTheRoot("/t/acme/sign-in", "acme", { method: "GET", accept: "text/html,*/*" })).toBe("/sign-in");
  });

  it("leaves API calls, data, fetches, posts and other tenants' paths where they are", () => {
    expect(pageAtTheRoot("/t/acme/api/auth/get-session", "acme", browser)).toBeNull();
    expect(pageAtTheRoot("/t/acme/account.data", "acme", browser)).toBeNull();
    expect(pageAtTheRoot("/t/acme/config.json", "acme", { method: "GET", fetchDest: "empty" })).toBeNull();
    expect(pageAtTheRoot("/t/acme/sign-in", "acme", { ...browser, method: "POST" })).toBeNull();
    expect(pageAtTheRoot("/t/globex/sign-in", "acme", browser)).toBeNull();
    expect(pageAtTheRoot("/t/acmeco/sign-in", "acme", browser)).toBeNull();
    expect(pageAtTheRoot("/sign-in", "acme", browser)).toBeNull();
  });
});
