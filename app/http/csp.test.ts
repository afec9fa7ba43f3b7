import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, tenantPageSources } from "~/http/csp.server";
import { TenantConfigSchema } from "~/tenancy/config";

const publicUrl = new URL("https://auth.example.com");
const configWith = (botProtection: object) => TenantConfigSchema.parse({ botProtection });

describe("a tenant page's Content-Security-Policy", () => {
  it("runs only Portico's own and nonce'd scripts when the tenant has no third-party CAPTCHA", () => {
    for (const provider of ["off", "altcha"]) {
      const policy = contentSecurityPolicy({
        nonce: "n0nce",
        ...tenantPageSources(configWith({ provider }), publicUrl),
      });
      expect(policy).toContain("script-src 'self' 'nonce-n0nce';");
    }
  });

  it.each([
    ["turnstile", "https://challenges.cloudflare.com"],
    ["hcaptcha", "https://js.hcaptcha.com"],
    ["recaptcha", "https://www.gstatic.com/recaptcha/"],
  ])("lets the %s widget load its scripts from %s", (provider, host) => {
    const sources = tenantPageSources(configWith({ provider, siteKey: "site-key" }), publicUrl);
    const policy = contentSecurityPolicy({ nonce: "n0nce", ...sources });
    const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc?.split(" ")).toContain(host);
    expect(scriptSrc?.split(" ")).not.toContain("'unsafe-inline'");
  });

  it("posts forms only to the deployment, the tenant's trusted origins and its enabled providers", () => {
    const config = TenantConfigSchema.parse({ trustedOrigins: ["https://app.acme.test"] });
    const { formAction } = tenantPageSources(config, publicUrl);
    expect(formAction).toEqual(["'self'", "https://auth.example.com", "https://app.acme.test"]);
  });
});
