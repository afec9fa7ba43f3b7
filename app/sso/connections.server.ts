import { randomBytes, randomUUID } from "node:crypto";
import type { CacheProvider } from "@node-saml/node-saml";
import type { Prisma } from "~/generated/control-sqlite/client";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";
import type { Storage } from "~/db/storage.server";
import { AttributeMappingSchema, type AttributeMapping } from "./settings";

/**
 * Enterprise SSO connections: at most one per organization of a tenant (SAML 2.0 or OpenID
 * Connect), with the sign-ins waiting for the identity provider's answer and the SAML
 * assertions already used. All of it is in the control database, so the answer may reach any
 * app instance, and an assertion used on one instance is refused on every other.
 */
export type SsoConnection = {
  id: string;
  tenantId: string;
  organizationId: string;
  protocol: "saml" | "oidc";
  saml: { idpEntityId: string; idpSsoUrl: string; idpCertificates: string[] } | null;
  oidc: { issuer: string; clientId: string; hasClientSecret: boolean } | null;
  defaultRole: string;
  attributeMapping: AttributeMapping;
  createdAt: Date;
  updatedAt: Date;
};

export type SsoConnectionInput = {
  protocol: "saml" | "oidc";
  saml?: SsoConnection["saml"];
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  defaultRole: string;
  attributeMapping: AttributeMapping;
};

/** A sign-in by a person, or an administrator's test of the connection (which signs nobody in). */
export type LoginPurpose = "sign-in" | "test";
export type LoginTarget = { redirectTo: string | null; test: boolean };

const targetOf = (row: { redirectTo: string | null; purpose: string }): LoginTarget => ({
  redirectTo: row.redirectTo,
  test: row.purpose === "test",
});

/** How long the identity provider has to answer a sign-in we sent (node-saml's default is 8 hours). */
export const LOGIN_REQUEST_TTL_MS = 10 * 60 * 1000;

type Row = Prisma.SsoConnectionGetPayload<object>;

const secretPurpose = (tenantId: string, organizationId: string) => `sso-oidc:${tenantId}:${organizationId}`;

function toConnection(row: Row): SsoConnection {
  return {
    id: row.id,
    tenantId: row.tenantId,
    organizationId: row.organizationId,
    protocol: row.protocol === "oidc" ? "oidc" : "saml",
    saml:
      row.protocol === "saml" && row.idpEntityId && row.idpSsoUrl
        ? {
            idpEntityId: row.idpEntityId,
            idpSsoUrl: row.idpSsoUrl,
            idpCertificates: JSON.parse(row.idpCertificates ?? "[]") as string[],
          }
        : null,
    oidc:
      row.protocol === "oidc" && row.oidcIssuer && row.oidcClientId
        ? { issuer: row.oidcIssuer, clientId: row.oidcClientId, hasClientSecret: Boolean(row.oidcClientSecret) }
        : null,
    defaultRole: row.defaultRole,
    attributeMapping: AttributeMappingSchema.parse(JSON.parse(row.attributeMapping)),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export class SsoConnections {
  constructor(
    private readonly storage: Storage,
    private readonly deploymentSecret: string,
  ) {}

  async get(tenantId: string, organizationId: string): Promise<SsoConnection | null> {
    const db = await this.storage.control();
    const row = await db.ssoConnection.findUnique({ where: { tenantId_organizationId: { tenantId, organizationId } } });
    return row && toConnection(row);
  }

  async listForTenant(tenantId: string): Promise<Map<string, SsoConnection>> {
    const db = await this.storage.control();
    const rows = await db.ssoConnection.findMany({ where: { tenantId } });
    return new Map(rows.map((row) => [row.organizationId, toConnection(row)]));
  }

  /** Creates or replaces the organization's connection; its id (and so its SP URLs) stays. */
  async save(tenantId: string, organizationId: string, input: SsoConnectionInput): Promise<SsoConnection> {
    const data = {
      protocol: input.protocol,
      idpEntityId: input.saml?.idpEntityId ?? null,
      idpSsoUrl: input.saml?.idpSsoUrl ?? null,
      idpCertificates: input.saml ? JSON.stringify(input.saml.idpCertificates) : null,
      oidcIssuer: input.oidc?.issuer ?? null,
      oidcClientId: input.oidc?.clientId ?? null,
      oidcClientSecret: input.oidc
        ? encryptSecret(this.deploymentSecret, secretPurpose(tenantId, organizationId), input.oidc.clientSecret)
        : null,
      defaultRole: input.defaultRole,
      attributeMapping: JSON.stringify(input.attributeMapping),
    };
    const db = await this.storage.control();
    const row = await db.ssoConnection.upsert({
      where: { tenantId_organizationId: { tenantId, organizationId } },
      create: { id: randomUUID(), tenantId, organizationId, ...data },
      update: data,
    });
    return toConnection(row);
  }

  /** The OIDC client secret, decrypted for the token request. */
  async oidcClientSecret(connection: SsoConnection): Promise<string | null> {
    const db = await this.storage.control();
    const row = await db.ssoConnection.findUnique({ where: { id: connection.id }, select: { oidcClientSecret: true } });
    if (!row?.oidcClientSecret) return null;
    return decryptSecret(
      this.deploymentSecret,
      secretPurpose(connection.tenantId, connection.organizationId),
      row.oidcClientSecret,
    );
  }

  async remove(tenantId: string, organizationId: string): Promise<boolean> {
    const db = await this.storage.control();
    const { count } = await db.ssoConnection.deleteMany({ where: { tenantId, organizationId } });
    return count > 0;
  }

  /** Forgets a deleted organization's connection and domains. */
  async forgetOrganization(tenantId: string, organizationId: string): Promise<void> {
    const db = await this.storage.control();
    await db.$transaction([
      db.ssoConnection.deleteMany({ where: { tenantId, organizationId } }),
      db.ssoDomain.deleteMany({ where: { tenantId, organizationId } }),
    ]);
  }

  /** Remembers a sign-in sent to the IdP; answers its id (the SAML request ID or OIDC state). */
  async startLogin(
    connectionId: string,
    { redirectTo, purpose, secret }: { redirectTo: string | null; purpose: LoginPurpose; secret?: string },
  ): Promise<string> {
    const db = await this.storage.control();
    await db.ssoLoginRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LOGIN_REQUEST_TTL_MS) } } });
    // SAML IDs must start with a letter or underscore (xs:ID).
    const id = `_${randomBytes(20).toString("hex")}`;
    await db.ssoLoginRequest.create({ data: { id, connectionId, redirectTo, purpose, secret } });
    return id;
  }

  /**
   * Takes the answer to a sign-in: the request, once, if it is this connection's and recent.
   * A second answer to the same request (a replay, or another organization's) gets null.
   */
  async consumeLogin(connectionId: string, id: string): Promise<(LoginTarget & { secret: string | null }) | null> {
    const db = await this.storage.control();
    const { count } = await db.ssoLoginRequest.updateMany({
      where: {
        id: id.slice(0, 100),
        connectionId,
        consumedAt: null,
        createdAt: { gte: new Date(Date.now() - LOGIN_REQUEST_TTL_MS) },
      },
      data: { consumedAt: new Date() },
    });
    if (count === 0) return null;
    const row = await db.ssoLoginRequest.findUnique({ where: { id } });
    return row && { ...targetOf(row), secret: row.secret };
  }

  /** The connection a sign-in (SAML request ID or OIDC state) was started for, if it is this tenant's. */
  async connectionOfLogin(tenantId: string, loginId: string): Promise<SsoConnection | null> {
    const db = await this.storage.control();
    const row = await db.ssoLoginRequest.findUnique({
      where: { id: loginId.slice(0, 100) },
      select: { connection: true },
    });
    return row && row.connection.tenantId === tenantId ? toConnection(row.connection) : null;
  }

  /** What this (already consumed) sign-in was for: where the user goes, or a console test. */
  async loginTarget(connectionId: string, id: string): Promise<LoginTarget> {
    const db = await this.storage.control();
    const row = await db.ssoLoginRequest.findUnique({ where: { id: id.slice(0, 100) } });
    return row?.connectionId === connectionId ? targetOf(row) : { redirectTo: null, test: false };
  }

  /**
   * node-saml's InResponseTo cache on the login requests: `getAsync` answers only a waiting
   * request of this connection, `removeAsync` marks it answered (so it cannot be answered twice).
   * node-saml saves nothing itself: startLogin writes the row before the browser leaves.
   */
  inResponseToCache(connectionId: string): CacheProvider {
    return {
      saveAsync: async () => null,
      getAsync: async (key) => {
        const db = await this.storage.control();
        const row = await db.ssoLoginRequest.findUnique({ where: { id: key.slice(0, 100) } });
        if (!row || row.connectionId !== connectionId || row.consumedAt) return null;
        return row.createdAt.toISOString();
      },
      removeAsync: async (key) => {
        if (!key) return null;
        await this.consumeLogin(connectionId, key);
        return key;
      },
    };
  }

  /** Whether this assertion ID was already used with this connection (and has not expired). */
  async assertionUsed(connectionId: string, assertionId: string): Promise<boolean> {
    const db = await this.storage.control();
    const row = await db.ssoConsumedAssertion.findUnique({
      where: { connectionId_assertionId: { connectionId, assertionId: assertionId.slice(0, 200) } },
    });
    return Boolean(row && row.expiresAt > new Date());
  }

  /**
   * Records a SAML assertion as used until it expires. False when it was used before: the
   * primary key refuses the second insert on every instance at once.
   */
  async consumeAssertion(connectionId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
    const db = await this.storage.control();
    await db.ssoConsumedAssertion.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    try {
      await db.ssoConsumedAssertion.create({
        data: { connectionId, assertionId: assertionId.slice(0, 200), expiresAt },
      });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }
}
