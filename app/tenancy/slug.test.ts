import { describe, expect, it } from "vitest";
import { HostnameSchema, RESERVED_SLUGS, SlugSchema, slugFromName, TenantNameSchema } from "./slug";

const slugError = (input: unknown) => {
  const result = SlugSchema.safeParse(input);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("tenant slugs", () => {
  it.each(["abc", "acme", "acme-corp", "a1b2", "123", "a-b-c", "x".repeat(40)])("accepts %s", (slug) => {
    expect(SlugSchema.parse(slug)).toBe(slug);
  });

  it("trims surrounding spaces", () => {
    expect(SlugSchema.parse("  acme  ")).toBe("acme");
  });

  it("enforces 3 to 40 characters", () => {
    expect(slugError("ab")).toMatch(/at least 3/);
    expect(slugError("x".repeat(41))).toMatch(/at most 40/);
  });

  it.each(["Acme", "acme_corp", "acme corp", "-acme", "acme-", "ac--me", "acmé", "acme.io", "acme/x"])(
    "refuses %s",
    (slug) => {
      expect(slugError(slug)).toMatch(/lowercase letters, digits and single hyphens/);
    },
  );

  it.each(["admin", "api", "healthz", "login", "tenants", "www"])("refuses the reserved slug %s", (slug) => {
    expect(slugError(slug)).toMatch(/reserved/);
  });

  it("reserves every slug that could be mistaken for a platform route", () => {
    for (const slug of RESERVED_SLUGS) expect(SlugSchema.safeParse(slug).success, slug).toBe(false);
  });

  it("explains a missing slug", () => {
    expect(slugError(undefined)).toBe("Slug is required.");
  });
});

describe("tenant names", () => {
  it("trims and requires 1 to 80 characters", () => {
    expect(TenantNameSchema.parse("  Acme Inc.  ")).toBe("Acme Inc.");
    expect(TenantNameSchema.safeParse("   ").success).toBe(false);
    expect(TenantNameSchema.safeParse("x".repeat(81)).success).toBe(false);
  });
});

describe("tenant hostnames", () => {
  it("accepts and lowercases a hostname", () => {
    expect(HostnameSchema.parse(" Auth.Example.COM ")).toBe("auth.example.com");
    expect(HostnameSchema.parse("a-b.c.example.co.uk")).toBe("a-b.c.example.co.uk");
  });

  it.each([
    "https://auth.example.com",
    "auth.example.com:8443",
    "auth.example.com/login",
    "localhost",
    "-a.example.com",
    "a..example.com",
    "auth_x.example.com",
  ])("refuses %s", (hostname) => {
    expect(HostnameSchema.safeParse(hostname).success).toBe(false);
  });
});

describe("slugs made from names", () => {
  it("lowercases, drops accents and joins words with single hyphens", () => {
    expect(slugFromName("Acme Prod")).toBe("acme-prod");
    expect(slugFromName("  Café Zürich -- Straße! ")).toBe("cafe-zurich-strasse");
    expect(SlugSchema.safeParse(slugFromName("Ünïcode & Co. 2026")).success).toBe(true);
  });

  it("stays within the length limit without a trailing hyphen", () => {
    const slug = slugFromName("An extremely long tenant name that goes on and on forever");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it("gives an empty slug for a name without letters or digits, which the schema refuses", () => {
    expect(slugFromName("!!!")).toBe("");
    expect(SlugSchema.safeParse(slugFromName("!!!")).success).toBe(false);
  });
});
