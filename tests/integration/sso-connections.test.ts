/**
 * The SSO state that must hold across app instances, on real SQLite and PostgreSQL: a sign-in
 * answered once (node-saml's InResponseTo cache), only by the connection that started it; a
 * SAML assertion used once even when two instances race; the OIDC secret encrypted; and email
 * domains verified over real DNS packets (a test DNS server), only while the record is there.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import { SsoConnections } from "~/sso/connections.server";
import { SsoDomains, systemTxtLookup } from "~/sso/domains.server";
import { allowSsoStart, SSO_STARTS_PER_MINUTE } from "~/sso/rate-limit.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { AttributeMappingSchema } from "~/sso/settings";
import { startDnsServer, type TestDnsServer } from "../support/dns-server";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "a-deployment-secret-of-enough-length-for-tests";
const mapping = AttributeMappingSchema.parse({});
const saml = {
  idpEntityId: "https://idp.example/entity",
  idpSsoUrl: "https://idp.example/sso",
  idpCertificates: ["MIIB"],
};

describe.each(testProviders())("SSO connections on %s", (provider: Provider) => {
  let test: TestStorage;
  let dns: TestDnsServer;
  // Two services on one database: two app instances.
  let one: SsoConnections;
  let two: SsoConnections;
  const tenantId = `t-${randomUUID()}`;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    one = new SsoConnections(test.storage, SECRET);
    two = new SsoConnections(test.storage, SECRET);
    dns = await startDnsServer();
  });
  afterAll(async () => {
    await dns.close();
    await test.cleanup();
  });

  const connect = (organizationId: string) =>
    one.save(tenantId, organizationId, { protocol: "saml", saml, defaultRole: "member", attributeMapping: mapping });

  it("answers a sign-in once, on any instance, and only for the connection that started it", async () => {
    const acme = await connect("acme");
    const globex = await connect("globex");
    const requestId = await one.startLogin(acme.id, { redirectTo: "/t/x/account", purpose: "sign-in" });
    expect(await two.inResponseToCache(globex.id).getAsync(requestId)).toBeNull();
    expect(await two.inResponseToCache(acme.id).getAsync(requestId)).not.toBeNull();
    await two.inResponseToCache(acme.id).removeAsync(requestId);
    expect(await one.inResponseToCache(acme.id).getAsync(requestId)).toBeNull();
    expect(await one.consumeLogin(acme.id, requestId)).toBeNull();
    expect(await one.loginTarget(acme.id, requestId)).toEqual({ redirectTo: "/t/x/account", test: false });
  });

  it("refuses a SAML assertion the second time, also when two instances race", async () => {
    const acme = await connect("acme");
    const expiresAt = new Date(Date.now() + 60_000);
    const results = await Promise.all([
      one.consumeAssertion(acme.id, "_assertion-1", expiresAt),
      two.consumeAssertion(acme.id, "_assertion-1", expiresAt),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await one.assertionUsed(acme.id, "_assertion-1")).toBe(true);
    expect(await one.consumeAssertion(acme.id, "_assertion-1", expiresAt)).toBe(false);
  });

  it("keeps the OIDC client secret encrypted and gives it back decrypted", async () => {
    const saved = await one.save(tenantId, "initech", {
      protocol: "oidc",
      oidc: { issuer: "https://login.initech.example", clientId: "client", clientSecret: "s3cret-value" },
      defaultRole: "member",
      attributeMapping: mapping,
    });
    const row = await (await test.storage.control()).ssoConnection.findUnique({ where: { id: saved.id } });
    expect(row?.oidcClientSecret).toMatch(/^v1\./);
    expect(row?.oidcClientSecret).not.toContain("s3cret-value");
    expect(await two.oidcClientSecret(saved)).toBe("s3cret-value");
    expect(
      await new SsoConnections(test.storage, "another-deployment-secret-entirely")
        .oidcClientSecret(saved)
        .catch(() => "refused"),
    ).toBe("refused");
  });

  it("verifies a domain by its TXT record over DNS, for one organization only", async () => {
    process.env.PORTICO_DNS_SERVER = dns.address;
    const domains = new SsoDomains(test.storage, systemTxtLookup);
    const claimed = await domains.add(tenantId, "acme", "ACME.example");
    if (!claimed.ok) throw new Error(claimed.message);
    expect(await domains.add(tenantId, "globex", "acme.example")).toMatchObject({ ok: false, code: "taken" });
    expect(await domains.add(tenantId, "globex", "not a domain")).toMatchObject({ ok: false, code: "invalid" });
    expect((await domains.verify(tenantId, "acme", "acme.example"))?.verifiedAt).toBeNull();
    expect(await domains.organizationFor(tenantId, "acme.example")).toBeNull();
    dns.txt.set(claimed.domain.recordName, [claimed.domain.recordValue]);
    expect((await domains.verify(tenantId, "acme", "acme.example"))?.verifiedAt).toBeInstanceOf(Date);
    expect(await domains.organizationFor(tenantId, "acme.example")).toBe("acme");
    expect(await domains.organizationFor(`other-${tenantId}`, "acme.example")).toBeNull();
    dns.txt.set(claimed.domain.recordName, ["portico-verification=someone-elses-token"]);
    expect((await domains.verify(tenantId, "acme", "acme.example"))?.verifiedAt).toBeNull();
    delete process.env.PORTICO_DNS_SERVER;
  });
});

describe("SSO starts", () => {
  it("are limited per client address and tenant", async () => {
    const from = (ip: string) => new Request("http://portico.test/t/acme/sso", { headers: { [CLIENT_IP_HEADER]: ip } });
    const tenant = `t-${randomUUID()}`;
    for (let i = 0; i < SSO_STARTS_PER_MINUTE; i++) expect(await allowSsoStart(tenant, from("203.0.113.9"))).toBe(true);
    expect(await allowSsoStart(tenant, from("203.0.113.9"))).toBe(false);
    expect(await allowSsoStart(tenant, from("203.0.113.10"))).toBe(true);
    expect(await allowSsoStart(`other-${tenant}`, from("203.0.113.9"))).toBe(true);
  });
});
