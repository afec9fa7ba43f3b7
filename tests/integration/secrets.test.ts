import { existsSync, readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "~/crypto/secrets.server";
import type { Provider } from "~/db/paths.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, withRaw, type TestStorage } from "../support/storage";

const SECRET = "deployment-secret-".padEnd(48, "x");
const OTHER_SECRET = "another-deployment-secret-".padEnd(48, "y");

describe("secret envelopes", () => {
  it("round-trip any text, including unicode and the empty string", () => {
    for (const plaintext of ["hunter2", "", "pässwörd ✓ 🔑", "x".repeat(10_000)]) {
      const envelope = encryptSecret(SECRET, "purpose", plaintext);
      expect(envelope).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]*$/);
      expect(decryptSecret(SECRET, "purpose", envelope)).toBe(plaintext);
    }
  });

  it("never contain the plaintext, and differ on every encryption (random IV)", () => {
    const a = encryptSecret(SECRET, "purpose", "smtp-password-123");
    const b = encryptSecret(SECRET, "purpose", "smtp-password-123");
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
    for (const envelope of [a, b]) {
      expect(envelope).not.toContain("smtp-password-123");
      expect(Buffer.from(envelope.split(".")[3]!, "base64url").toString("utf8")).not.toContain("smtp-password");
    }
  });

  it("refuse a tampered ciphertext, tag or IV", () => {
    const envelope = encryptSecret(SECRET, "purpose", "the secret value");
    const parts = envelope.split(".");
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64url");
      bytes[0] = bytes[0]! ^ 0x01;
      return bytes.toString("base64url");
    };
    for (const index of [1, 2, 3]) {
      const tampered = parts.map((part, i) => (i === index ? flip(part) : part)).join(".");
      expect(() => decryptSecret(SECRET, "purpose", tampered)).toThrow(SecretDecryptionError);
    }
    expect(() => decryptSecret(SECRET, "purpose", parts.slice(0, 3).join("."))).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(SECRET, "purpose", `v2.${parts.slice(1).join(".")}`)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(SECRET, "purpose", "not an envelope")).toThrow(SecretDecryptionError);
  });

  it("refuse the wrong deployment secret and the wrong purpose, with a message naming PORTICO_SECRET", () => {
    const envelope = encryptSecret(SECRET, "tenant-secrets:aaa", "the secret value");
    expect(() => decryptSecret(OTHER_SECRET, "tenant-secrets:aaa", envelope)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(SECRET, "tenant-secrets:bbb", envelope)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(OTHER_SECRET, "tenant-secrets:aaa", envelope)).toThrow(/PORTICO_SECRET/);
  });
});

describe.each(testProviders())("tenant secrets stored on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  afterEach(async () => {
    await resetTestStorage(test);
  });

  const storedSecrets = (tenantId: string) =>
    withRaw(test, "control", async (db) => {
      const rows = await db.all<{ secrets: string }>(`SELECT secrets FROM tenant WHERE id = ?`, [tenantId]);
      return rows[0]!.secrets;
    });

  it("are encrypted at rest and readable through the service", async () => {
    const tenant = await tenants.create({ slug: "acme", name: "Acme" });
    const plaintext = "sk_live_PLAINTEXT_MUST_NOT_LEAK_42";
    await tenants.setSecret("acme", "smtpPassword", plaintext);

    const secrets = await tenants.getSecrets(tenant.id);
    expect(secrets.smtpPassword).toBe(plaintext);
    expect(secrets.authSecret).toMatch(/^[\w-]{40,}$/);

    const stored = await storedSecrets(tenant.id);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(plaintext);
    expect(stored).not.toContain(secrets.authSecret);
    expect(stored).not.toContain("smtpPassword");

    if (test.storage instanceof SqliteStorage) {
      // Nowhere in the database files either (WAL mode keeps recent pages in the -wal file).
      await test.storage.close();
      for (const file of [test.storage.controlFile, `${test.storage.controlFile}-wal`]) {
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        expect(bytes.includes(plaintext)).toBe(false);
        expect(bytes.includes(secrets.authSecret)).toBe(false);
      }
    }
  });

  it("bump the config version when changed, so every instance rebuilds the tenant", async () => {
    const tenant = await tenants.create({ slug: "acme", name: "Acme" });
    await tenants.setSecret("acme", "apiKey", "value-1");
    expect((await tenants.getById(tenant.id))!.configVersion).toBe(tenant.configVersion + 1);
    await tenants.setSecret("acme", "apiKey", "value-2");
    expect((await tenants.getSecrets(tenant.id)).apiKey).toBe("value-2");
  });

  it("cannot be read with another deployment secret", async () => {
    const tenant = await tenants.create({ slug: "acme", name: "Acme" });
    const wrong = new TenantService(test.storage, OTHER_SECRET);
    await expect(wrong.getSecrets(tenant.id)).rejects.toThrow(SecretDecryptionError);
  });

  it("copied from one tenant's row into another's do not decrypt there", async () => {
    const a = await tenants.create({ slug: "alpha", name: "Alpha" });
    const b = await tenants.create({ slug: "bravo", name: "Bravo" });
    const aSecrets = await storedSecrets(a.id);
    await withRaw(test, "control", (db) => db.run(`UPDATE tenant SET secrets = ? WHERE id = ?`, [aSecrets, b.id]));
    await expect(tenants.getSecrets(b.id)).rejects.toThrow(SecretDecryptionError);
    expect((await tenants.getSecrets(a.id)).authSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("give each tenant its own auth secret", async () => {
    const a = await tenants.create({ slug: "alpha", name: "Alpha" });
    const b = await tenants.create({ slug: "bravo", name: "Bravo" });
    expect((await tenants.getSecrets(a.id)).authSecret).not.toBe((await tenants.getSecrets(b.id)).authSecret);
  });
});
