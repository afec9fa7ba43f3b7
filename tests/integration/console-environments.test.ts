import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  compareEnvironments,
  diffConfigs,
  promoteConfig,
  promoteEnvironment,
  PromotionError,
} from "~/admin/environments.server";
import { settingLabel, settingValue } from "~/admin/setting-labels";
import { AuditLog } from "~/audit/audit.server";
import type { Provider } from "~/db/paths.server";
import { TenantConfigSchema } from "~/tenancy/config";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { ThemeService, type ThemeActor } from "~/theme/themes.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "environments-test-deployment-secret".padEnd(48, "z");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

/** Every setting path a config has (leaves; arrays whole), as diffConfigs names them. */
function settingPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => settingPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("setting labels", () => {
  it("names every setting of a tenant's config in words, not by its path", () => {
    for (const path of settingPaths(TenantConfigSchema.parse({}))) {
      const label = settingLabel(path);
      expect(label, path).not.toMatch(/[a-z]\.[a-z]/i);
      for (const key of path.split(".")) if (/[a-z][A-Z]/.test(key)) expect(label, path).not.toContain(key);
    }
    expect(settingLabel("authMethods.emailOtp.enabled")).toBe("Email code: on");
    expect(settingLabel("session.expiresIn")).toBe("Sessions: lifetime");
  });

  it("shows values as a person reads them", () => {
    expect(settingValue("authMethods.emailOtp.enabled", "true")).toBe("On");
    expect(settingValue("session.expiresIn", "604800")).toBe("7 days");
    expect(settingValue("rateLimit.window", "90")).toBe("90 seconds");
    expect(settingValue("trustedOrigins", "[]")).toBe("None");
    expect(settingValue("trustedOrigins", '["https://a.example","https://b.example"]')).toBe(
      "https://a.example, https://b.example",
    );
    expect(settingValue("smtp.host", '""')).toBe("Empty");
    expect(settingValue("smtp.host", "unset")).toBe("Not set");
  });
});

describe("diffConfigs", () => {
  it("lists each differing setting by path, from the target's value to the source's", () => {
    const staging = TenantConfigSchema.parse({
      session: { expiresIn: 86_400 },
      trustedOrigins: ["https://staging.example.com"],
    });
    const production = TenantConfigSchema.parse({});
    expect(diffConfigs(staging, production)).toEqual([
      { path: "session.expiresIn", from: "604800", to: "86400" },
      { path: "trustedOrigins", from: "[]", to: '["https://staging.example.com"]' },
    ]);
    expect(diffConfigs(production, TenantConfigSchema.parse({}))).toEqual([]);
  });
});

describe.each(testProviders())("promoting a config on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => resetTestStorage(test));

  it("copies the config, keeps the target's hostnames, and bumps its configVersion", async () => {
    const staging = await tenants.create({
      slug: "staging",
      name: "Staging",
      config: { session: { expiresIn: 3_600 }, rateLimit: { max: 5 } },
      hostnames: ["staging.example.com"],
    });
    const production = await tenants.create({ slug: "prod", name: "Prod", hostnames: ["auth.example.com"] });
    const { target, changes } = await promoteConfig(tenants, staging, production);
    expect(changes.map((c) => c.path)).toEqual(["rateLimit.max", "session.expiresIn"]);
    expect(target.config).toEqual(staging.config);
    expect(target.hostnames).toEqual(["auth.example.com"]);
    expect(target.configVersion).toBe(production.configVersion + 1);
    await expect(promoteConfig(tenants, staging, staging)).rejects.toBeInstanceOf(PromotionError);
  });
});

describe.each(testProviders())("promoting an environment's theme on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let themes: ThemeService;
  const actor = (tenant: Tenant): ThemeActor => ({
    tenantId: tenant.id,
    actor: { type: "platform_user", id: "pat", label: "pat@example.com" },
  });

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => {
    await resetTestStorage(test);
    const db = await test.storage.control();
    await db.themeVersion.deleteMany();
    await db.themeAsset.deleteMany();
    themes = new ThemeService(test.storage, new AuditLog(test.storage), { cacheMs: 0 });
  });

  it("publishes the source's look on the target with its own copy of the images, once", async () => {
    const staging = await tenants.create({ slug: "staging", name: "Staging", config: { rateLimit: { max: 5 } } });
    const production = await tenants.create({ slug: "prod", name: "Prod" });
    const upload = await themes.uploadAsset(staging.id, "logo.light", PNG);
    if (!upload.ok) throw new Error(upload.message);
    const look = {
      productName: "Acme Staging",
      logo: { light: upload.ref },
      customCss: `.hero { background: url(${upload.ref}) }`,
    };
    expect(await themes.publish(staging.id, look, actor(staging))).toMatchObject({ ok: true });

    const before = await compareEnvironments({ tenants, themes }, staging, production);
    expect(before.differences.map((d) => d.path)).toEqual(["rateLimit.max"]);
    expect(before.theme).toMatchObject({ differs: true, sourceVersion: 1, targetVersion: null });

    const promoted = await promoteEnvironment({ tenants, themes }, staging, production, actor(production));
    expect(promoted.themeVersion).toBe(1);
    const copied = await themes.published(production.id);
    expect(copied.productName).toBe("Acme Staging");
    // The target serves its own upload: another id, the same bytes, owned by the target.
    const id = copied.logo.light.replace("asset:", "");
    expect(id).not.toBe(upload.ref.replace("asset:", ""));
    const asset = await themes.getAsset(production.id, id);
    expect(Buffer.from(asset!.bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(copied.customCss).toContain(`url(asset:${id})`);

    const after = await compareEnvironments({ tenants, themes }, staging, (await tenants.getBySlug("prod"))!);
    expect(after.differences).toEqual([]);
    expect(after.theme.differs).toBe(false);
    const again = await promoteEnvironment(
      { tenants, themes },
      staging,
      (await tenants.getBySlug("prod"))!,
      actor(production),
    );
    expect(again.themeVersion).toBeNull();
  });
});
