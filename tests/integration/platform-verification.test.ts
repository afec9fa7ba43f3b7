/**
 * Platform accounts confirm their email (issue 13, item 1): the first account of a deployment
 * is confirmed already; later ones get a sealed link and stay unconfirmed until they follow it;
 * a sign-up replaces an unconfirmed account with the same address, never a confirmed one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuditLog } from "~/audit/audit.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { Provider } from "~/db/paths.server";
import { EmailOutbox, OutboxSeal } from "~/email/outbox.server";
import { createPlatformAuth, PLATFORM_AUTH_PATH, type PlatformAuth } from "~/platform/auth.server";
import { claimOwnerlessTenantsForFirstAccount } from "~/platform/first-account.server";
import { sendPlatformVerificationEmail } from "~/platform/verification.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "platform-verification-test-secret".padEnd(48, "z");
const PUBLIC_URL = new URL("http://localhost:3995");
const PASSWORD = "correct-horse-battery";

describe.each(testProviders())("platform email verification on %s", (provider: Provider) => {
  let test: TestStorage;
  let auth: PlatformAuth;
  let outbox: EmailOutbox;
  const seal = new OutboxSeal(SECRET);
  let clients = 0;

  async function signUp(email: string, password = PASSWORD): Promise<Response> {
    return auth.handler(
      new Request(`${PUBLIC_URL.origin}${PLATFORM_AUTH_PATH}/sign-up/email`, {
        method: "POST",
        // Each sign-up from its own address: better-auth allows 3 sign-ups per 10 s per client.
        headers: {
          "content-type": "application/json",
          origin: PUBLIC_URL.origin,
          [CLIENT_IP_HEADER]: `10.0.0.${++clients}`,
        },
        body: JSON.stringify({ name: email.split("@")[0], email, password }),
      }),
    );
  }

  async function account(email: string) {
    const db = await test.storage.control();
    return db.platformUser.findUnique({ where: { email }, select: { id: true, emailVerified: true } });
  }

  async function verificationMail(email: string) {
    const db = await test.storage.control();
    return db.emailMessage.findFirst({ where: { tenantId: null, to: email }, orderBy: { createdAt: "desc" } });
  }

  beforeAll(async () => {
    test = await createTestStorage(provider);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => {
    await resetTestStorage(test);
    const db = await test.storage.control();
    await db.platformUser.deleteMany();
    await db.emailMessage.deleteMany();
    const storage = test.storage;
    const audit = new AuditLog(storage);
    outbox = new EmailOutbox(storage, undefined, undefined, { seal });
    auth = createPlatformAuth({
      db,
      provider,
      deploymentSecret: SECRET,
      publicUrl: PUBLIC_URL,
      appName: "Portico",
      onUserCreated: (user) => claimOwnerlessTenantsForFirstAccount({ storage, audit }, user),
      sendVerificationEmail: (data) =>
        sendPlatformVerificationEmail({ storage, outbox, publicUrl: PUBLIC_URL, appName: "Portico" }, data),
    });
  });

  it("confirms the first account at once and mails later ones a sealed link that confirms them", async () => {
    expect((await signUp("operator@example.com")).status).toBe(200);
    expect(await account("operator@example.com")).toMatchObject({ emailVerified: true });
    expect(await verificationMail("operator@example.com")).toBeNull();

    expect((await signUp("bob@example.com")).status).toBe(200);
    expect(await account("bob@example.com")).toMatchObject({ emailVerified: false });
    const mail = await verificationMail("bob@example.com");
    expect(mail!.text).toContain("[email verification link — hidden]");
    expect(mail!.text).not.toContain("token=");
    const link = /http\S+verify-email\?token=\S+/.exec((await outbox.get(mail!.id))!.text)![0];

    const followed = await auth.handler(new Request(link));
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe(`${PUBLIC_URL.origin}/verify-email?status=verified`);
    expect(await account("bob@example.com")).toMatchObject({ emailVerified: true });
  });

  it("lets a sign-up take over an unconfirmed address, never a confirmed one", async () => {
    await signUp("operator@example.com");
    await signUp("carol@example.com", "squatter-password-1");
    const squatter = await account("carol@example.com");
    expect(squatter).toMatchObject({ emailVerified: false });

    expect((await signUp("carol@example.com")).status).toBe(200);
    const real = await account("carol@example.com");
    expect(real!.id).not.toBe(squatter!.id);
    const db = await test.storage.control();
    expect(await db.platformSession.count({ where: { userId: squatter!.id } })).toBe(0);

    // The operator's (confirmed) address cannot be taken.
    const refused = await signUp("operator@example.com", "another-password-1");
    expect(refused.status).toBe(422);
    expect(await account("operator@example.com")).toMatchObject({ emailVerified: true });
  });
});
