import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_SCOPES } from "~/api-keys/scopes";
import { PorticoApiError, PorticoClient } from "~/management-api/client/src/index";
import { CLIENT_TYPES_PATH, generateClientTypes } from "../../scripts/generate-client-types";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * The @portico/client package against a live server: its generated types match the
 * document the server publishes, and its calls work end to end.
 */
let h: Harness;
let client: PorticoClient;

beforeAll(async () => {
  h = await startHarness("client");
  const tenant = await h.createTenant("client-co");
  client = new PorticoClient({ baseUrl: h.baseUrl, apiKey: (await h.createKey(tenant, [...API_KEY_SCOPES])).key });
}, 120_000);
afterAll(async () => h?.close());

describe("@portico/client", () => {
  it("has types generated from the document the server serves", async () => {
    const document = await (await fetch(`${h.baseUrl}/api/v1/openapi.json`)).json();
    expect(readFileSync(CLIENT_TYPES_PATH, "utf8")).toBe(await generateClientTypes(document));
  });

  it("manages users, pages through them and reports API errors with their details", async () => {
    const created = await client.users.create(
      { email: "ada@client.test", name: "Ada", password: "analytical-engine-1843", externalId: "ada-1" },
      { idempotencyKey: "create-ada" },
    );
    expect(created).toMatchObject({ email: "ada@client.test", externalId: "ada-1" });
    expect(
      await client.users.create(
        { email: "ada@client.test", name: "Ada", password: "analytical-engine-1843", externalId: "ada-1" },
        { idempotencyKey: "create-ada" },
      ),
    ).toEqual(created);
    for (let i = 0; i < 4; i++) await client.users.create({ email: `bulk${i}@client.test`, name: `Bulk ${i}` });

    const emails: string[] = [];
    for await (const user of client.users.iterate({ q: "client.test", limit: 2 })) emails.push(user.email);
    expect(emails).toEqual([
      "ada@client.test",
      "bulk0@client.test",
      "bulk1@client.test",
      "bulk2@client.test",
      "bulk3@client.test",
    ]);
    expect(client.rateLimit).toMatchObject({ limit: 600 });

    const updated = await client.users.update(created.id, { publicMetadata: { plan: "pro" } });
    expect(updated.publicMetadata).toEqual({ plan: "pro" });
    expect((await client.users.ban(created.id, { reason: "test" })).banned).toBe(true);
    expect((await client.users.unban(created.id)).banned).toBe(false);

    const refused = await client.users.create({ email: "not-an-email", name: "" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PorticoApiError);
    expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
    expect((refused as PorticoApiError).details.map((d) => d.field).sort()).toEqual(["email", "name"]);
    await expect(client.users.get("missing")).rejects.toMatchObject({ status: 404, code: "not_found" });

    const signedIn = await h.signIn("client-co", "ada@client.test", "analytical-engine-1843");
    const verified = await client.tokens.verify(signedIn.token!);
    expect(verified).toMatchObject({ active: true, type: "session", user: { id: created.id } });
    expect((await client.users.listSessions(created.id)).data).toHaveLength(1);
    expect(await client.users.revokeAllSessions(created.id)).toEqual({ revoked: 1 });

    const report = await client.users.import([
      { email: "imported@client.test", name: "Imported" },
      { email: "ada@client.test" },
    ]);
    expect(report.imported.map((row) => row.email)).toEqual(["imported@client.test"]);
    expect(report.refused[0]).toMatchObject({ index: 1, code: "duplicate_email" });
    expect((await client.users.export()).map((user) => user.email)).toContain("imported@client.test");
    expect((await client.users.export("csv")).split("\r\n")[0]).toMatch(/^id,email,name/);

    await client.users.delete(created.id);
    await expect(client.users.get(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("manages organizations, webhooks and config", async () => {
    const owner = await client.users.create({ email: "owner@client.test", name: "Owner" });
    const org = await client.organizations.create({ name: "Client Co", slug: "client-co", ownerUserId: owner.id });
    expect((await client.organizations.listMembers(org.id)).data).toMatchObject([{ userId: owner.id, role: "owner" }]);
    expect((await client.organizations.list()).data.map((o) => o.slug)).toEqual(["client-co"]);

    const { endpoint, secret } = await client.webhooks.create({ url: "http://127.0.0.1:9/hook", eventTypes: ["*"] });
    expect(secret).toMatch(/^whsec_/);
    expect((await client.webhooks.list()).data.map((e) => e.id)).toEqual([endpoint.id]);
    await client.webhooks.sendTestEvent(endpoint.id);
    expect((await client.webhooks.listDeliveries(endpoint.id)).data).toHaveLength(1);
    await client.webhooks.delete(endpoint.id);

    const { config } = await client.config.update({ signUp: { mode: "closed" } });
    expect(config.signUp.mode).toBe("closed");
    expect((await client.config.get()).config.signUp.mode).toBe("closed");
  });
});
