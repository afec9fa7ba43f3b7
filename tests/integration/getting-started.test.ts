import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleAccess } from "~/admin/access.server";
import { dismissGettingStarted, gettingStarted } from "~/admin/getting-started.server";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * The overview's checklist on either control-plane database: each step follows the tenant's
 * state (here changed through /api/v1, not the console; the console's own path, where a trusted
 * origin also switches bearer tokens on, is tests/e2e/console-getting-started.test.ts), and
 * dismissal is stored.
 */
let h: Harness;
let access: ConsoleAccess;
let key: string;

async function consoleAccess(): Promise<ConsoleAccess> {
  const { getPortico } = await import("~/context.server");
  const tenant = await getPortico().tenants.requireBySlug("starter");
  return { ...access, tenant };
}

const done = async () =>
  Object.fromEntries((await gettingStarted(await consoleAccess())).steps!.map((step) => [step.id, step.done]));

beforeAll(async () => {
  h = await startHarness("getting-started");
  const tenant = await h.createTenant("starter");
  key = (await h.createKey(tenant, ["config:write", "webhooks:write"])).key;
  access = {
    user: { id: "platform-admin-1", name: "Olive", email: "olive@console.test", emailVerified: true },
    tenant,
    role: "owner",
  };
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("the getting-started checklist", () => {
  it("ticks steps from the tenant's state and stays dismissed", async () => {
    const start = await gettingStarted(await consoleAccess());
    expect(start.signInUrl).toMatch(/\/t\/starter\/sign-in$/);
    expect(start.widgetElement).toBe('<auth-login tenant="starter"></auth-login>');
    expect(await done()).toEqual({
      trustedOrigin: false,
      signInMethods: false,
      brand: false,
      testEmail: false,
      webhook: false,
    });

    const origins = await h.api(key, "PATCH", "/config", { trustedOrigins: ["https://app.example.com"] });
    expect(origins.status, origins.text).toBe(200);
    expect(await done()).toMatchObject({ trustedOrigin: true, signInMethods: false });

    expect((await h.api(key, "PATCH", "/config", { authMethods: { passkey: { enabled: true } } })).status).toBe(200);
    const hook = await h.api(key, "POST", "/webhooks/endpoints", {
      url: "https://93.184.215.14/hook",
      eventTypes: ["*"],
    });
    expect(hook.status, hook.text).toBe(201);
    expect(await done()).toMatchObject({ signInMethods: true, webhook: true, brand: false });

    await dismissGettingStarted(
      await consoleAccess(),
      new Request("http://localhost/admin/starter", { method: "POST" }),
    );
    expect((await gettingStarted(await consoleAccess())).steps).toBeNull();
    const { getPortico } = await import("~/context.server");
    const [entry] = await getPortico().audit.list({
      tenantId: access.tenant.id,
      type: "admin.getting_started.dismissed",
    });
    expect(entry?.actorLabel).toBe("olive@console.test");
  });
});
