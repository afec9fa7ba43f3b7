import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { TenantConfig } from "~/tenancy/config";
import type { Tenant, TenantService } from "~/tenancy/tenants.server";
import { SMTP_PASSWORD_SECRET } from "~/tenancy/config";

/** Where and as whom one message is delivered. */
export type MailServer = {
  /** nodemailer SMTP options (credentials included, so never log this). */
  options: SMTPTransport.Options;
  from: string | { name: string; address: string };
  /** Credential strings that must never appear in a stored error. */
  secrets: string[];
};

/** Slow or silent servers fail within these bounds instead of holding a send for minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/**
 * Decides which SMTP server carries a message: the tenant's own server when its settings name
 * a host, else the deployment's SMTP_URL, else none (the message stays in the console's outbox).
 * Platform mail (tenantId null) only ever uses the deployment's server.
 */
export class MailServers {
  constructor(
    private readonly tenants: Pick<TenantService, "getById" | "getSecrets">,
    private readonly deployment: { smtpUrl: string | undefined; smtpFrom: string },
  ) {}

  /** Whether mail for this tenant (or platform mail) has a server; reads no secrets. */
  async exists(tenantId: string | null): Promise<boolean> {
    if (this.deployment.smtpUrl) return true;
    if (tenantId === null) return false;
    const tenant = await this.tenants.getById(tenantId);
    return Boolean(tenant && hasOwnServer(tenant.config));
  }

  async forMessage(tenantId: string | null): Promise<MailServer | null> {
    const tenant = tenantId === null ? null : await this.tenants.getById(tenantId);
    if (tenant && hasOwnServer(tenant.config)) return this.#tenantServer(tenant);
    return this.#deploymentServer();
  }

  async #tenantServer(tenant: Tenant): Promise<MailServer> {
    const { host, port, user, fromAddress, security } = tenant.config.smtp;
    const password = (await this.tenants.getSecrets(tenant.id))[SMTP_PASSWORD_SECRET] ?? "";
    return {
      options: {
        host,
        port,
        secure: security === "tls",
        requireTLS: security === "starttls",
        ignoreTLS: security === "none",
        auth: user ? { user, pass: password } : undefined,
        ...TIMEOUTS,
      },
      from: { name: tenant.name, address: fromAddress || (user.includes("@") ? user : `no-reply@${host}`) },
      secrets: password ? [password] : [],
    };
  }

  #deploymentServer(): MailServer | null {
    const { smtpUrl, smtpFrom } = this.deployment;
    if (!smtpUrl) return null;
    const url = new URL(smtpUrl);
    const password = decodeURIComponent(url.password);
    return {
      options: {
        host: url.hostname,
        port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
        secure: url.protocol === "smtps:",
        auth: url.username ? { user: decodeURIComponent(url.username), pass: password } : undefined,
        ...TIMEOUTS,
      },
      from: smtpFrom,
      secrets: [smtpUrl, url.password, password].filter(Boolean),
    };
  }
}

function hasOwnServer(config: TenantConfig): boolean {
  return config.smtp.host !== "";
}
