import { describe, expect, it } from "vitest";
import { routeClass } from "./route-class";

describe("routeClass", () => {
  it("puts every path in one of a few classes", () => {
    const cases: Record<string, ReturnType<typeof routeClass>> = {
      "/t/acme/api/auth/sign-in/email": "auth_api",
      "/api/auth/get-session": "auth_api",
      "/api/platform/auth/sign-in/email": "auth_api",
      "/t/acme/sign-in": "hosted_page",
      "/t/acme/sign-in.data": "hosted_page",
      "/t/acme": "hosted_page",
      "/t/acme/theme.css": "static",
      "/t/acme/assets/0b5c": "static",
      "/assets/entry.client-1a2b.js": "static",
      "/favicon.ico": "static",
      "/robots.txt": "static",
      "/admin/acme/users": "console",
      "/admin": "console",
      "/sign-in": "console",
      "/invite/abc": "console",
      "/api/v1/users": "management_api",
      "/widgets/portico.js": "widgets",
      "/healthz": "ops",
      "/readyz": "ops",
      "/metrics": "ops",
      "/": "other",
      "/docs/api": "other",
      "/administrator": "other",
      "/api/v10": "other",
    };
    for (const [path, expected] of Object.entries(cases)) expect(routeClass(path), path).toBe(expected);
  });
});
