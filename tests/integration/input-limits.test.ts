import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, type TestStorage } from "../support/storage";

const PUBLIC_URL = "http://localhost:3999";

/**
 * better-auth accepts any length of profile field; Portico's policy hook refuses over-long
 * ones on every path a user writes them, naming the field, and writes nothing.
 */
describe("profile field limits through the tenant's auth API", () => {
  let test: TestStorage;
  let registry: TenantRegistry;

  beforeAll(async () => {
    test = await createTestStorage("sqlite");
    const tenants = new TenantService(test.storage, "limits-test-secret".padEnd(48, "x"));
    await tenants.create({ slug: "limits", name: "Limits" });
    registry = new TenantRegistry({ tenants, storage: test.storage, publicUrl: new URL(PUBLIC_URL), maxHotTenants: 5 });
  });
  afterAll(async () => {
    await registry.close();
    await test.cleanup();
  });

  async function signUp(body: Record<string, unknown>) {
    const live = await registry.resolve({ slug: "limits" });
    if (live.status !== "ok") throw new Error("tenant not ready");
    const response = await live.auth.handler(
      new Request(`${PUBLIC_URL}/t/limits/api/auth/sign-up/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: PUBLIC_URL,
          [CLIENT_IP_HEADER]: `10.1.${randomInt(256)}.${randomInt(1, 255)}`,
        },
        body: JSON.stringify(body),
      }),
    );
    return { response, users: await live.db.user.count() };
  }

  it("refuses a 200,000-character name with a message naming the field, and creates no user", async () => {
    const { response, users } = await signUp({
      name: "x".repeat(200_000),
      email: "long@example.com",
      password: "a-strong-pass-77",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "FIELD_TOO_LONG", message: expect.stringContaining("Name") });
    expect(users).toBe(0);
  });

  it("refuses an over-long image URL, and accepts the same sign-up within the limits", async () => {
    const refused = await signUp({
      name: "Ok",
      email: "img@example.com",
      password: "a-strong-pass-77",
      image: `https://x/${"y".repeat(3000)}`,
    });
    expect(refused.response.status).toBe(400);
    expect(await refused.response.json()).toMatchObject({ message: expect.stringContaining("Image URL") });
    const accepted = await signUp({ name: "Ok", email: "img@example.com", password: "a-strong-pass-77" });
    expect(accepted.response.status).toBe(200);
    expect(accepted.users).toBe(1);
  });
});
