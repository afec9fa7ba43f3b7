import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diffConfigs, promoteConfig, PromotionError } from "~/admin/environments.server";
import type { Provider } from "~/db/paths.server";
import { TenantConfigSchema } from "~/tenancy/config";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "environments-test-deployment-secret".padEnd(48, "z");

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
