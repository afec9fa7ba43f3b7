import { describe, expect, it } from "vitest";
import { routesAtTheDomainRoot } from "./custom-domain-routes";

describe("routesAtTheDomainRoot", () => {
  it("puts the tenant's routes at the root and drops the platform's", () => {
    const routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean }> = {
      root: { id: "root", path: "" },
      "routes/_index": { id: "routes/_index", parentId: "root", index: true },
      "routes/$": { id: "routes/$", parentId: "root", path: "*" },
      "routes/sign-in": { id: "routes/sign-in", parentId: "root", path: "sign-in" },
      "routes/t.$tenant": { id: "routes/t.$tenant", parentId: "root", path: "t/:tenant" },
      "routes/t.$tenant.sign-in": { id: "routes/t.$tenant.sign-in", parentId: "routes/t.$tenant", path: "sign-in" },
      "routes/t.$tenant_.embed": { id: "routes/t.$tenant_.embed", parentId: "root", path: "t/:tenant/embed" },
    };
    routesAtTheDomainRoot(routes);
    expect(Object.keys(routes).sort()).toEqual([
      "root",
      "routes/t.$tenant",
      "routes/t.$tenant.sign-in",
      "routes/t.$tenant_.embed",
    ]);
    expect(routes["root"]!.path).toBe("");
    expect(routes["routes/t.$tenant"]!.path).toBeUndefined();
    expect(routes["routes/t.$tenant.sign-in"]!.path).toBe("sign-in");
    expect(routes["routes/t.$tenant_.embed"]!.path).toBe("embed");
  });
});
