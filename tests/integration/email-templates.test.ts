import { describe, expect, it } from "vitest";
import { isUnknownDevice, networkOf } from "~/email/auth-emails.server";
import { emailLocale, renderEmail, type TemplatedEmail } from "~/email/templates.server";
import { localeDirection, LOCALES } from "~/i18n/locales";
import { ThemeSchema } from "~/theme/theme";
import { EMAIL_TEMPLATE_IDS, EMAIL_TEMPLATES } from "../../emails";

const PUBLIC_URL = new URL("https://auth.example.test");
const TENANT = { name: "Acme Inc", slug: "acme" };
const THEME = ThemeSchema.parse({
  productName: "Acme Cloud",
  logo: { light: "asset:logo_123" },
  colors: { light: { primary: "#0F766E" } },
  radius: 4,
  legal: { termsUrl: "https://acme.example/terms", privacyUrl: "https://acme.example/privacy" },
});

function sample(template: (typeof EMAIL_TEMPLATE_IDS)[number]): TemplatedEmail {
  return { template, props: EMAIL_TEMPLATES[template].sample(`${PUBLIC_URL.origin}/t/acme`) } as TemplatedEmail;
}

describe("email templates", () => {
  it.each(EMAIL_TEMPLATE_IDS.flatMap((id) => LOCALES.map((locale) => [id, locale] as const)))(
    "%s in %s carries the theme, a subject and a plain-text part",
    async (id, locale) => {
      const rendered = await renderEmail(sample(id), { theme: THEME, tenant: TENANT, locale, publicUrl: PUBLIC_URL });
      expect(rendered.subject.length).toBeGreaterThan(5);
      expect(rendered.subject).not.toMatch(/\{\w+\}|emails\./);
      expect(rendered.html).toContain(`lang="${locale}"`);
      expect(rendered.html).toContain(`dir="${localeDirection(locale)}"`);
      expect(rendered.html).toContain("#0f766e");
      expect(rendered.html).toContain("border-radius:4px");
      expect(rendered.html).toContain("https://auth.example.test/t/acme/assets/logo_123");
      expect(rendered.html).toContain("https://acme.example/privacy");
      expect(rendered.text).toContain("Acme Cloud");
      expect(rendered.text).not.toMatch(/\{\w+\}|emails\.|, plural,/);
      expect(rendered.text).not.toContain("<");
    },
  );

  it("puts the link or the code into the plain-text part", async () => {
    const link = await renderEmail(sample("magicLink"), {
      theme: THEME,
      tenant: TENANT,
      locale: "en",
      publicUrl: PUBLIC_URL,
    });
    expect(link.text).toContain("https://auth.example.test/t/acme/api/auth/magic-link/verify?token=sample");
    const code = await renderEmail(sample("oneTimeCode"), {
      theme: THEME,
      tenant: TENANT,
      locale: "en",
      publicUrl: PUBLIC_URL,
    });
    expect(code.subject).toBe("428193 is your Acme Cloud code");
    expect(code.text).toContain("428193");
  });

  it("speaks German when asked, and uses the tenant's name without a product name", async () => {
    const theme = ThemeSchema.parse({});
    const rendered = await renderEmail(sample("resetPassword"), {
      theme,
      tenant: TENANT,
      locale: "de",
      publicUrl: PUBLIC_URL,
    });
    expect(rendered.subject).toBe("Setzen Sie Ihr Passwort für Acme Inc zurück");
    expect(rendered.text).toContain("Hallo Ada Lovelace,");
    expect(rendered.html).not.toContain("/assets/");
  });

  it("escapes what users typed into names", async () => {
    const message = {
      template: "organizationInvitation",
      props: {
        ...EMAIL_TEMPLATES.organizationInvitation.sample("https://x.test"),
        organizationName: "<script>alert(1)</script>",
      },
    } as TemplatedEmail;
    const rendered = await renderEmail(message, { theme: THEME, tenant: TENANT, locale: "en", publicUrl: PUBLIC_URL });
    expect(rendered.html).not.toContain("<script>alert(1)</script>");
    expect(rendered.html).toContain("&lt;script&gt;");
  });

  it("follows the theme's overrides of the copy", async () => {
    const theme = ThemeSchema.parse({ copy: { en: { "emails.welcome.subject": "Hello from {product}!" } } });
    const rendered = await renderEmail(sample("welcome"), {
      theme,
      tenant: TENANT,
      locale: "en",
      publicUrl: PUBLIC_URL,
    });
    expect(rendered.subject).toBe("Hello from Acme Inc!");
  });
});

describe("the email's locale", () => {
  const request = (acceptLanguage: string) =>
    new Request("https://x.test", { headers: { "accept-language": acceptLanguage } });

  it("is the theme's default without a request, else the request's among the offered ones", () => {
    const theme = ThemeSchema.parse({ locale: { default: "de" } });
    expect(emailLocale(theme)).toBe("de");
    expect(emailLocale(theme, request("en-US,en;q=0.9"))).toBe("en");
    expect(emailLocale(ThemeSchema.parse({ locale: { default: "de", offered: ["de"] } }), request("en"))).toBe("de");
    expect(emailLocale(ThemeSchema.parse({ locale: { default: "de", followBrowser: false } }), request("en"))).toBe(
      "de",
    );
  });
});

describe("unknown devices", () => {
  const chrome = "Mozilla/5.0 Chrome/130";
  it("are a user agent on a /24 (IPv4) or /48 (IPv6) not seen before; the first session is not one", () => {
    expect(networkOf("203.0.113.42")).toBe("203.0.113");
    expect(networkOf("::ffff:203.0.113.42")).toBe("203.0.113");
    expect(networkOf("2001:db8:abcd:12::1")).toBe("2001:db8:abcd");
    // A row from before decision 0023 (expanded, masked to /64) is on the same network.
    expect(networkOf("2001:0db8:abcd:0012:0000:0000:0000:0000")).toBe("2001:db8:abcd");
    expect(isUnknownDevice({ userAgent: chrome, ipAddress: "203.0.113.9" }, [])).toBe(false);
    const seen = [{ userAgent: chrome, ipAddress: "203.0.113.42" }];
    expect(isUnknownDevice({ userAgent: chrome, ipAddress: "203.0.113.9" }, seen)).toBe(false);
    expect(isUnknownDevice({ userAgent: chrome, ipAddress: "198.51.100.9" }, seen)).toBe(true);
    expect(isUnknownDevice({ userAgent: "Mozilla/5.0 Firefox/131", ipAddress: "203.0.113.42" }, seen)).toBe(true);
  });
});
