import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AuditLog } from "~/audit/audit.server";
import type { Provider } from "~/db/paths.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../../tests/support/storage";
import { DEFAULT_THEME } from "./theme";
import { ThemeService, type ThemeActor } from "./themes.server";

const SECRET = "themes-test-deployment-secret".padEnd(48, "z");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>');

describe.each(testProviders())("ThemeService on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let audit: AuditLog;
  let themes: ThemeService;
  let acme: Tenant;
  let other: Tenant;
  const actor = (tenant: Tenant): ThemeActor => ({
    tenantId: tenant.id,
    actor: { type: "platform_user", id: "pat", label: "pat@example.com" },
    ipAddress: "203.0.113.9",
  });

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    audit = new AuditLog(test.storage);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => {
    await resetTestStorage(test);
    const db = await test.storage.control();
    await db.themeVersion.deleteMany();
    await db.themeAsset.deleteMany();
    await db.auditEvent.deleteMany();
    themes = new ThemeService(test.storage, audit);
    acme = await tenants.create({ slug: "acme", name: "Acme" });
    other = await tenants.create({ slug: "other", name: "Other" });
  });

  it("serves the default theme until something is published; drafts stay private", async () => {
    expect(await themes.published(acme.id)).toEqual(DEFAULT_THEME);
    const saved = await themes.saveDraft(acme.id, { productName: "Acme Cloud" }, actor(acme));
    expect(saved).toMatchObject({ ok: true, version: 1 });
    expect((await themes.draft(acme.id))?.theme.productName).toBe("Acme Cloud");
    expect(await themes.published(acme.id)).toEqual(DEFAULT_THEME);
    // Saving again updates the one draft rather than piling up versions.
    expect(await themes.saveDraft(acme.id, { productName: "Acme 2" }, actor(acme))).toMatchObject({ version: 1 });
  });

  it("refuses texts with HTML or placeholders their message lacks, naming each field", async () => {
    const saved = await themes.saveDraft(
      acme.id,
      {
        copy: {
          fr: { "signIn.submit": "<b>Go</b>", "signIn.title": "Bonjour" },
          de: { "emails.welcome.subject": "Hallo {name} bei {product}" },
        },
      },
      actor(acme),
    );
    expect(saved).toEqual({
      ok: false,
      errors: {
        "copy.fr.signIn.submit": "Use plain text: HTML tags are not allowed.",
        "copy.de.emails.welcome.subject": "Unknown placeholder {name}. Use {product}.",
      },
    });
    expect(await themes.draft(acme.id)).toBeNull();
  });

  it("publishes, keeps history, rolls back as a new version and audits both", async () => {
    const teal = { colors: { light: { primary: "#0F766E" } } };
    expect(await themes.publish(acme.id, teal, actor(acme))).toMatchObject({ ok: true, version: 1 });
    expect((await themes.published(acme.id)).colors.light.primary).toBe("#0f766e");
    expect(await themes.draft(acme.id)).toBeNull();
    await themes.publish(acme.id, { colors: { light: { primary: "#7e22ce" } } }, actor(acme));
    expect((await themes.published(acme.id)).colors.light.primary).toBe("#7e22ce");

    await themes.saveDraft(acme.id, { productName: "unfinished" }, actor(acme));
    expect(await themes.rollback(acme.id, 1, actor(acme))).toEqual({ ok: true, version: 4 });
    expect((await themes.published(acme.id)).colors.light.primary).toBe("#0f766e");
    expect(await themes.draft(acme.id)).toBeNull();
    expect((await themes.history(acme.id)).map(({ version, status }) => [version, status])).toEqual([
      [4, "published"],
      [2, "archived"],
      [1, "archived"],
    ]);
    expect(await themes.rollback(acme.id, 3, actor(acme))).toEqual({
      ok: false,
      message: expect.stringMatching(/never published/),
    });

    const events = await audit.list({ tenantId: acme.id, type: "admin.theme." });
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ["admin.theme.rolled_back", { version: 4, restoredVersion: 1 }],
      ["admin.theme.published", { version: 2 }],
      ["admin.theme.published", { version: 1 }],
    ]);
    expect(events[0]).toMatchObject({ actorId: "pat", ipAddress: "203.0.113.9" });
    // Other tenants are untouched.
    expect(await themes.published(other.id)).toEqual(DEFAULT_THEME);
  });

  it("refuses invalid values with the field named, and the published theme keeps serving", async () => {
    await themes.publish(acme.id, { productName: "Live" }, actor(acme));
    const result = await themes.publish(
      acme.id,
      {
        colors: { light: { primary: "blue" } },
        radius: 99,
        legal: { termsUrl: "javascript:alert(1)" },
        locale: { default: "de", offered: ["en"] },
        logo: { light: "asset:not-ours" },
        customCss: "@import url(https://evil.example/x.css);",
      },
      actor(acme),
    );
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: object }).errors).sort()).toEqual([
      "colors.light.primary",
      "customCss",
      "legal.termsUrl",
      "radius",
    ]);
    const second = await themes.saveDraft(
      acme.id,
      { locale: { default: "de", offered: ["en"] }, logo: { light: "asset:not-ours" }, customCss: "@import 'x.css';" },
      actor(acme),
    );
    expect(second).toEqual({
      ok: false,
      errors: {
        "locale.default": "The default language must be one of the offered languages.",
        "logo.light": "This image is not among this tenant's uploads; upload it again.",
        customCss: "Line 1: @import is not allowed in custom CSS.",
      },
    });
    expect((await themes.published(acme.id)).productName).toBe("Live");
    expect(await themes.draft(acme.id)).toBeNull();
  });

  it("stores checked uploads per tenant; another tenant can neither serve nor reference them", async () => {
    const png = await themes.uploadAsset(acme.id, "logo.light", PNG);
    expect(png).toMatchObject({ ok: true, contentType: "image/png" });
    const ref = (png as { ref: string }).ref;
    const id = ref.slice("asset:".length);
    expect((await themes.getAsset(acme.id, id))?.contentType).toBe("image/png");
    expect(await themes.getAsset(other.id, id)).toBeNull();
    expect(await themes.saveDraft(other.id, { logo: { light: ref } }, actor(other))).toMatchObject({
      ok: false,
      errors: { "logo.light": expect.any(String) },
    });
    expect(
      await themes.publish(
        acme.id,
        { logo: { light: ref }, customCss: `.hero { background: url(${ref}) }` },
        actor(acme),
      ),
    ).toMatchObject({ ok: true });
    expect((await themes.publishedState(acme.id)).css).toContain(
      `[data-portico-tenant] .hero{background:url(assets/${id})}`,
    );

    expect(await themes.uploadAsset(acme.id, "favicon", SVG)).toMatchObject({ ok: true, contentType: "image/svg+xml" });
    expect(
      await themes.uploadAsset(
        acme.id,
        "favicon",
        new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg' onload='x()'/>"),
      ),
    ).toMatchObject({ ok: false });
  });

  it("refuses image URLs it cannot fetch safely, on the field", async () => {
    const result = await themes.saveDraft(
      acme.id,
      { logo: { light: "https://logo.invalid/logo.png" }, favicon: "https://127.0.0.1/favicon.ico" },
      actor(acme),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        "logo.light": expect.stringMatching(/logo\.invalid could not be resolved/),
        favicon: "This URL points to a private or local address, which Portico does not fetch.",
      },
    });
  });

  it("shows another process's publish within a second", async () => {
    // Only the clock is faked, so database I/O runs as usual.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const reader = new ThemeService(test.storage, audit);
      expect((await reader.published(acme.id)).productName).toBe("");
      await themes.publish(acme.id, { productName: "Elsewhere" }, actor(acme));
      expect((await reader.published(acme.id)).productName).toBe("");
      vi.setSystemTime(Date.now() + 1_001);
      expect((await reader.published(acme.id)).productName).toBe("Elsewhere");
    } finally {
      vi.useRealTimers();
    }
  });

  it("serves the default theme when a stored version no longer validates", async () => {
    await themes.publish(acme.id, { productName: "Fine" }, actor(acme));
    const db = await test.storage.control();
    await db.themeVersion.updateMany({ where: { tenantId: acme.id }, data: { theme: '{"radius":"huge"}' } });
    expect(await new ThemeService(test.storage, audit).published(acme.id)).toEqual(DEFAULT_THEME);
  });

  it("forgets a deleted tenant's themes and uploads", async () => {
    await themes.uploadAsset(acme.id, "logo.light", PNG);
    await themes.publish(acme.id, { productName: "Gone soon" }, actor(acme));
    await tenants.delete("acme");
    const db = await test.storage.control();
    expect(await db.themeVersion.count({ where: { tenantId: acme.id } })).toBe(0);
    expect(await db.themeAsset.count({ where: { tenantId: acme.id } })).toBe(0);
  });
});
