import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvitationService } from "~/admin/invitations.server";
import type { Provider } from "~/db/paths.server";
import { EmailOutbox } from "~/email/outbox.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "invitation-branding-test-secret".padEnd(48, "z");

describe.each(testProviders())("invitation emails carry the platform's brand on %s", (provider: Provider) => {
  let test: TestStorage;
  beforeAll(async () => {
    test = await createTestStorage(provider);
  });
  afterAll(async () => test.cleanup());

  it("names the product and the support contact the deployment configured", async () => {
    const outbox = new EmailOutbox(test.storage);
    const tenant = await new TenantService(test.storage, SECRET).create({ slug: "brand", name: "Brand Co" });
    const db = await test.storage.control();
    const inviter = { id: crypto.randomUUID(), name: "Olive", email: "olive@example.com" };
    await db.platformUser.create({ data: inviter });
    const branded = new InvitationService(test.storage, outbox, {
      publicUrl: new URL("https://id.acme.example"),
      appName: "Acme Identity",
      support: "help@acme.example",
    });
    await branded.invite({ tenant, email: "ivy@example.com", role: "admin", invitedBy: inviter });
    const plain = new InvitationService(test.storage, outbox, {
      publicUrl: new URL("https://id.acme.example"),
      appName: "Portico",
    });
    await plain.invite({ tenant, email: "max@example.com", role: "admin", invitedBy: inviter });

    const sent = await outbox.list({ tenantId: null });
    const toIvy = sent.find((m) => m.to === "ivy@example.com")!;
    expect(toIvy.text).toContain(`invited you to administer "Brand Co" on Acme Identity as admin.`);
    expect(toIvy.text).toContain("Questions? Acme Identity support: help@acme.example");
    const toMax = sent.find((m) => m.to === "max@example.com")!;
    expect(toMax.text).toContain(`on Portico as admin.`);
    expect(toMax.text).not.toContain("Questions?");
  });
});
