import { randomBytes } from "node:crypto";
import { z } from "zod";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";
import type { Storage } from "~/db/storage.server";
import {
  TENANT_ENVIRONMENTS,
  TenantConfigSchema,
  type TenantConfig,
  type TenantConfigInput,
  type TenantEnvironment,
  type TenantStatus,
} from "./config";
import type { TenantChange } from "./change-feed.server";
import { HostnameSchema, SlugSchema, TenantNameSchema } from "./slug";

/** A tenant as the rest of the app sees it: config parsed, secrets left out. */
export type Tenant = {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  environment: TenantEnvironment;
  config: TenantConfig;
  /** Why the stored config is unusable (then `config` holds the defaults); null when valid. */
  configError: string | null;
  configVersion: number;
  hostnames: string[];
  createdAt: Date;
  updatedAt: Date;
};

/** What the tenant directory keeps of every tenant: how requests name it, and its version. */
export type TenantName = Pick<Tenant, "id" | "slug" | "hostnames" | "configVersion">;

/** Secrets kept encrypted beside the config; `authSecret` signs the tenant's cookies and tokens. */
export type TenantSecrets = { authSecret: string } & Record<string, string>;

export type TenantErrorCode = "invalid_input" | "slug_taken" | "hostname_taken" | "tenant_not_found";

export class TenantError extends Error {
  constructor(
    readonly code: TenantErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const CreateTenantSchema = z.object({
  slug: SlugSchema,
  name: TenantNameSchema,
  environment: z
    .enum(TENANT_ENVIRONMENTS, { error: "Environment must be development, staging or production." })
    .optional(),
  config: TenantConfigSchema.optional(),
  hostnames: z.array(HostnameSchema).max(20).optional(),
});
export type CreateTenantInput = {
  slug: string;
  name: string;
  environment?: TenantEnvironment;
  config?: TenantConfigInput;
  hostnames?: string[];
};

type TenantRow = {
  id: string;
  slug: string;
  name: string;
  status: string;
  environment: string;
  config: string;
  secrets: string;
  configVersion: number;
  createdAt: Date;
  updatedAt: Date;
  hostnames: { hostname: string }[];
};

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new TenantError("invalid_input", issue.message, issue.path.join(".") || undefined);
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** 24 chars of [a-z2-7] (120 random bits): safe as a file name and a PostgreSQL schema name. */
function newTenantId(): string {
  return Array.from(randomBytes(24), (byte) => ID_ALPHABET[byte % 32]).join("");
}

/**
 * A stored config that no longer parses or validates (a manual edit, a bad migration) must
 * not break every lookup: the tenant is reported as broken by the registry (503) and can
 * still be listed, disabled or fixed.
 */
function parseStoredConfig(text: string): { config: TenantConfig; configError: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: TenantConfigSchema.parse({}), configError: "stored config is not valid JSON" };
  }
  const result = TenantConfigSchema.safeParse(json);
  if (result.success) return { config: result.data, configError: null };
  const issue = result.error.issues[0]!;
  return {
    config: TenantConfigSchema.parse({}),
    configError: `stored config is invalid at ${issue.path.join(".")}: ${issue.message}`,
  };
}

const secretsPurpose = (tenantId: string) => `tenant-secrets:${tenantId}`;

/**
 * The control plane's tenant records: creation (with the tenant's own database), lookup,
 * status, config and encrypted secrets. Every change bumps `configVersion`, which is how the
 * registry on every app instance learns to rebuild the tenant's auth.
 */
export class TenantService {
  constructor(
    private readonly storage: Storage,
    private readonly deploymentSecret: string,
    /** Where changes are announced so every instance drops its cached copy (decision 0016). */
    private readonly changes?: { publish(change: TenantChange): void },
  ) {}

  /** The tenant as it is after a change, announced to every instance. */
  async #changed(id: string): Promise<Tenant> {
    const tenant = await this.getById(id);
    this.changes?.publish({ tenantId: id, configVersion: tenant?.configVersion });
    return tenant!;
  }

  #toTenant(row: TenantRow): Tenant {
    const { config, configError } = parseStoredConfig(row.config);
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      status: row.status === "disabled" ? "disabled" : "active",
      environment: (TENANT_ENVIRONMENTS as readonly string[]).includes(row.environment)
        ? (row.environment as TenantEnvironment)
        : "development",
      config,
      configError,
      configVersion: row.configVersion,
      hostnames: row.hostnames.map((h) => h.hostname).sort(),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  async #findRow(where: { slug: string } | { id: string }): Promise<TenantRow | null> {
    const db = await this.storage.control();
    return db.tenant.findUnique({ where, include: { hostnames: { select: { hostname: true } } } });
  }

  async create(input: CreateTenantInput): Promise<Tenant> {
    const data = parse(CreateTenantSchema, input);
    const db = await this.storage.control();
    if (await db.tenant.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
      throw new TenantError("slug_taken", `A tenant with the slug "${data.slug}" already exists.`, "slug");
    }
    const hostnames = [...new Set(data.hostnames ?? [])];
    for (const hostname of hostnames) await this.#assertHostnameFree(hostname);

    const id = newTenantId();
    const secrets: TenantSecrets = { authSecret: randomBytes(32).toString("base64url") };
    // The database first: if it cannot be created, no tenant row points at nothing.
    await this.storage.createTenantDatabase(id);
    try {
      await db.tenant.create({
        data: {
          id,
          slug: data.slug,
          name: data.name,
          environment: data.environment ?? "development",
          config: JSON.stringify(TenantConfigSchema.parse(data.config ?? {})),
          secrets: encryptSecret(this.deploymentSecret, secretsPurpose(id), JSON.stringify(secrets)),
          hostnames: { create: hostnames.map((hostname) => ({ hostname })) },
        },
      });
    } catch (error) {
      await this.storage.dropTenantDatabase(id);
      // Another request took the slug or a hostname between the checks above and the insert.
      if ((error as { code?: string }).code === "P2002") {
        throw new TenantError("slug_taken", `The slug "${data.slug}" or one of the hostnames was just taken.`, "slug");
      }
      throw error;
    }
    return this.#changed(id);
  }

  async #assertHostnameFree(hostname: string, exceptTenantId?: string) {
    const db = await this.storage.control();
    const owner = await db.tenantHostname.findUnique({ where: { hostname } });
    if (owner && owner.tenantId !== exceptTenantId) {
      throw new TenantError(
        "hostname_taken",
        `The hostname ${hostname} already belongs to another tenant.`,
        "hostnames",
      );
    }
  }

  async list(): Promise<Tenant[]> {
    const db = await this.storage.control();
    const rows = await db.tenant.findMany({
      orderBy: { slug: "asc" },
      include: { hostnames: { select: { hostname: true } } },
    });
    return rows.map((row) => this.#toTenant(row));
  }

  async getBySlug(slug: string): Promise<Tenant | null> {
    const row = await this.#findRow({ slug });
    return row && this.#toTenant(row);
  }

  async getById(id: string): Promise<Tenant | null> {
    const row = await this.#findRow({ id });
    return row && this.#toTenant(row);
  }

  async getByHostname(hostname: string): Promise<Tenant | null> {
    const db = await this.storage.control();
    const entry = await db.tenantHostname.findUnique({
      where: { hostname: hostname.toLowerCase() },
      select: { tenantId: true },
    });
    return entry && this.getById(entry.tenantId);
  }

  async requireBySlug(slug: string): Promise<Tenant> {
    const tenant = await this.getBySlug(slug);
    if (!tenant) throw new TenantError("tenant_not_found", `No tenant with the slug "${slug}".`, "slug");
    return tenant;
  }

  async setStatus(slug: string, status: TenantStatus): Promise<Tenant> {
    const tenant = await this.requireBySlug(slug);
    const db = await this.storage.control();
    await db.tenant.update({ where: { id: tenant.id }, data: { status, configVersion: { increment: 1 } } });
    return this.#changed(tenant.id);
  }

  /** The name shown on the tenant's hosted pages and emails; the slug never changes. */
  async rename(slug: string, name: string): Promise<Tenant> {
    const tenant = await this.requireBySlug(slug);
    const parsed = parse(TenantNameSchema, name);
    const db = await this.storage.control();
    await db.tenant.update({ where: { id: tenant.id }, data: { name: parsed, configVersion: { increment: 1 } } });
    return this.#changed(tenant.id);
  }

  async updateConfig(slug: string, config: TenantConfigInput): Promise<Tenant> {
    const tenant = await this.requireBySlug(slug);
    const parsed = parse(TenantConfigSchema, config);
    const db = await this.storage.control();
    await db.tenant.update({
      where: { id: tenant.id },
      data: { config: JSON.stringify(parsed), configVersion: { increment: 1 } },
    });
    return this.#changed(tenant.id);
  }

  async setHostnames(slug: string, hostnames: string[]): Promise<Tenant> {
    const tenant = await this.requireBySlug(slug);
    const parsed = [...new Set(parse(z.array(HostnameSchema).max(20), hostnames))];
    for (const hostname of parsed) await this.#assertHostnameFree(hostname, tenant.id);
    const db = await this.storage.control();
    await db.$transaction([
      db.tenantHostname.deleteMany({ where: { tenantId: tenant.id } }),
      db.tenantHostname.createMany({ data: parsed.map((hostname) => ({ hostname, tenantId: tenant.id })) }),
      db.tenant.update({ where: { id: tenant.id }, data: { configVersion: { increment: 1 } } }),
    ]);
    return this.#changed(tenant.id);
  }

  async getSecrets(tenantId: string): Promise<TenantSecrets> {
    const db = await this.storage.control();
    const row = await db.tenant.findUnique({ where: { id: tenantId }, select: { secrets: true } });
    if (!row) throw new TenantError("tenant_not_found", "No such tenant.");
    return JSON.parse(decryptSecret(this.deploymentSecret, secretsPurpose(tenantId), row.secrets)) as TenantSecrets;
  }

  async setSecret(slug: string, name: string, value: string): Promise<void> {
    const tenant = await this.requireBySlug(slug);
    const secrets = { ...(await this.getSecrets(tenant.id)), [name]: value };
    const db = await this.storage.control();
    await db.tenant.update({
      where: { id: tenant.id },
      data: {
        secrets: encryptSecret(this.deploymentSecret, secretsPurpose(tenant.id), JSON.stringify(secrets)),
        configVersion: { increment: 1 },
      },
    });
    await this.#changed(tenant.id);
  }

  /** Removes the tenant's record, then its database: its users and sessions are gone for good. */
  async delete(slug: string): Promise<void> {
    const tenant = await this.requireBySlug(slug);
    const db = await this.storage.control();
    // Credentials and delivery state die with the tenant; its audit events and sent mail stay
    // as the deployment's record of what happened.
    const deliveries = await db.webhookDelivery.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
    await db.$transaction([
      db.apiKey.deleteMany({ where: { tenantId: tenant.id } }),
      db.scimConnection.deleteMany({ where: { tenantId: tenant.id } }),
      db.scimIdentity.deleteMany({ where: { tenantId: tenant.id } }),
      db.webhookAttempt.deleteMany({ where: { deliveryId: { in: deliveries.map((delivery) => delivery.id) } } }),
      db.webhookDelivery.deleteMany({ where: { tenantId: tenant.id } }),
      db.webhookMessage.deleteMany({ where: { tenantId: tenant.id } }),
      db.webhookEndpoint.deleteMany({ where: { tenantId: tenant.id } }),
      db.themeVersion.deleteMany({ where: { tenantId: tenant.id } }),
      db.themeAsset.deleteMany({ where: { tenantId: tenant.id } }),
      db.tenant.delete({ where: { id: tenant.id } }),
    ]);
    this.changes?.publish({ tenantId: tenant.id });
    await this.storage.dropTenantDatabase(tenant.id);
  }

  /** Every tenant's slug, hostnames and configVersion, for the tenant directory. */
  async names(): Promise<TenantName[]> {
    const db = await this.storage.control();
    const rows = await db.tenant.findMany({
      select: { id: true, slug: true, configVersion: true, hostnames: { select: { hostname: true } } },
    });
    return rows.map((row) => ({ ...row, hostnames: row.hostnames.map((h) => h.hostname) }));
  }
}
