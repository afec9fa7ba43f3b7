import { MembershipService } from "~/admin/memberships.server";
import { ApiKeyService } from "~/api-keys/keys.server";
import { ScimConnections } from "~/scim/connections.server";
import { SsoConnections } from "~/sso/connections.server";
import { SsoDomains } from "~/sso/domains.server";
import { AuditLog } from "~/audit/audit.server";
import { auditOfAuthEvent } from "~/auth/auth-events";
import { getEnv, type Env } from "~/config/env.server";
import { getStorage } from "~/db/index.server";
import { PostgresStorage } from "~/db/postgres-storage.server";
import type { Storage } from "~/db/storage.server";
import { MailServers } from "~/email/mail-servers.server";
import { EmailOutbox, templateCredentials } from "~/email/outbox.server";
import { EmailSender } from "~/email/sender.server";
import { renderTenantEmail } from "~/email/templates.server";
import { decisionCounts } from "~/forward-auth/decision-counts.server";
import { startDraining } from "~/ops/lifecycle.server";
import { setOutboxBacklogSource } from "~/ops/metrics.server";
import { readOutboxBacklog } from "~/ops/outbox-backlog.server";
import { OutboxSeal } from "~/outbox/seal.server";
import { RetentionJob } from "~/privacy/retention.server";
import { readSmsGateway } from "~/sms/config.server";
import { SmsOutbox } from "~/sms/outbox.server";
import { SmsSender } from "~/sms/sender.server";
import { createPlatformAuth, type PlatformAuth } from "~/platform/auth.server";
import { claimOwnerlessTenantsForFirstAccount } from "~/platform/first-account.server";
import { sendPlatformVerificationEmail } from "~/platform/verification.server";
import { deploymentRateLimits, setProcessRateLimits } from "~/rate-limit/process.server";
import type { RateLimitBackend } from "~/rate-limit/backends.server";
import { closeRedis, getRedis } from "~/redis/client.server";
import type { ChangeFeed } from "~/tenancy/change-feed.server";
import { openChangeFeed } from "~/tenancy/open-change-feed.server";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { announceSessionChangesWith, invalidateSessions } from "~/sessions/session-cache.server";
import { hostedLocale } from "~/theme/locale";
import { ThemeService } from "~/theme/themes.server";
import { startWebhookDispatcher } from "~/webhooks/dispatcher.server";
import type { WebhookDeps } from "~/webhooks/deps.server";

/** The process-wide services every route uses, built once on first use. */
export type Portico = {
  env: Env;
  storage: Storage;
  /** Where every rate limit counts: Redis, PostgreSQL or memory (decision 0015). */
  rateLimits: RateLimitBackend;
  tenants: TenantService;
  registry: TenantRegistry;
  /** Tells every instance that a tenant changed; connected by bootstrap(). */
  changes: ChangeFeed;
  audit: AuditLog;
  outbox: EmailOutbox;
  /** Delivers queued email; started by the server, not on first use. */
  emailSender: EmailSender;
  /** Text messages (phone number codes), captured or queued for the SMS sender. */
  smsOutbox: SmsOutbox;
  /** Delivers queued text messages; started by the server like the email sender. */
  smsSender: SmsSender;
  memberships: MembershipService;
  apiKeys: ApiKeyService;
  /** Organizations' SCIM provisioning connections (hashed tokens, request log). */
  scim: ScimConnections;
  /** Enterprise SSO connections per organization (app/sso). */
  sso: SsoConnections;
  /** Organizations' verified email domains (home-realm discovery). */
  ssoDomains: SsoDomains;
  /** What the webhook modules need: storage, the secret, and the outbox for owners' notices. */
  webhooks: WebhookDeps;
  /** Tenants' themes (draft, published, history) and branding uploads. */
  themes: ThemeService;
  /** Deletes history older than each tenant's retention windows; started by the server. */
  retention: RetentionJob;
  /** The platform accounts' auth (needs the migrated control database, hence async). */
  platform(): Promise<{ platformAuth: PlatformAuth }>;
};

let portico: Portico | undefined;

export function getPortico(): Portico {
  if (!portico) {
    const env = getEnv();
    const storage = getStorage();
    // Before anything that counts: the tenants' limiters and throttles read it.
    const rateLimits = deploymentRateLimits({
      redis: getRedis(),
      redisPrefix: env.redisPrefix,
      controlPool: storage instanceof PostgresStorage ? storage.pool : null,
    });
    setProcessRateLimits(rateLimits);
    const changes = openChangeFeed({ redisUrl: env.redisUrl, databaseUrl: env.databaseUrl, storage });
    const tenants = new TenantService(storage, env.secret, changes);
    // Sign-outs, bans and revocations reach the other instances' session caches (decision 0017).
    announceSessionChangesWith((change) => changes.publishSessions(change));
    changes.subscribeSessions(invalidateSessions);
    // Queueing needs only the database and the secret; the dispatcher's deps add the owner notices.
    const queueing: WebhookDeps = { storage, deploymentSecret: env.secret };
    // Outside production a payload that does not match the event catalog throws, so tests catch it.
    const audit = new AuditLog(storage, { strictPayloads: !env.production });
    const themes = new ThemeService(storage, audit, { changes });
    const mailServers = new MailServers(tenants, env);
    // Outbox bodies with live credentials are sealed under PORTICO_SECRET; only the senders open them.
    const seal = new OutboxSeal(env.secret);
    // In development, credentials of mail and texts nothing delivers go to the server log (decision 0011).
    const outbox = new EmailOutbox(storage, mailServers, undefined, { seal, logCaptured: !env.production });
    const smsGateway = readSmsGateway();
    const smsOutbox = new SmsOutbox(storage, smsGateway !== null, undefined, { seal, logCaptured: !env.production });
    const registry = new TenantRegistry({
      tenants,
      storage,
      publicUrl: env.publicUrl,
      maxHotTenants: env.maxHotTenants,
      changes,
      sendTenantEmail: async (tenant, email) => {
        // Templates are rendered now, in the tenant's theme and locale; delivery stays off the request path.
        const theme = await themes.published(tenant.id);
        const rendered = await renderTenantEmail(tenant, email, { theme, publicUrl: env.publicUrl });
        await outbox.send({ tenantId: tenant.id, ...rendered, credentials: templateCredentials(email) });
      },
      signInHistory: (tenant, userId, before) => audit.signInsBefore(tenant.id, userId, before),
      pageLocale: async (tenant, signals) => hostedLocale(await themes.published(tenant.id), signals),
      sendTenantSms: async (tenant, sms) => {
        await smsOutbox.send({ tenantId: tenant.id, ...sms });
      },
      onAuthEvent: (tenant, event) => audit.recordInBackground(auditOfAuthEvent(tenant.id, event)),
      publishAuthEvent: (tenant, event, options) => audit.record(auditOfAuthEvent(tenant.id, event), options),
    });
    let platform: Promise<{ platformAuth: PlatformAuth }> | undefined;
    portico = {
      env,
      storage,
      rateLimits,
      tenants,
      registry,
      changes,
      audit,
      outbox,
      emailSender: new EmailSender(storage, mailServers, { seal }),
      smsOutbox,
      smsSender: new SmsSender(storage, smsGateway, { seal }),
      memberships: new MembershipService(storage),
      apiKeys: new ApiKeyService(storage),
      scim: new ScimConnections(storage),
      sso: new SsoConnections(storage, env.secret),
      ssoDomains: new SsoDomains(storage),
      themes,
      webhooks: { ...queueing, notices: { outbox, publicUrl: env.publicUrl, appName: env.appName } },
      retention: new RetentionJob({ storage, tenants, audit }),
      platform: () =>
        (platform ??= storage.control().then((db) => ({
          platformAuth: createPlatformAuth({
            db,
            provider: storage.provider,
            deploymentSecret: env.secret,
            publicUrl: env.publicUrl,
            appName: env.appName,
            onUserCreated: (user) => claimOwnerlessTenantsForFirstAccount({ storage, audit }, user),
            sendVerificationEmail: (data) =>
              sendPlatformVerificationEmail({ storage, outbox, publicUrl: env.publicUrl, appName: env.appName }, data),
          }),
        }))),
    };
  }
  return portico;
}

export const DEMO_TENANT_SLUG = "demo";
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const FORWARD_AUTH_FLUSH_MS = 60 * 1000;

/**
 * Runs before the server accepts requests: migrates the control plane, starts the email
 * sender, the webhook dispatcher and the retention job and, on a fresh deployment, creates the demo tenant so
 * the quickstart has something to sign in to.
 */
export async function bootstrap(): Promise<{ createdDemo: boolean }> {
  const { env, storage, tenants, changes, emailSender, smsSender, retention, audit, webhooks } = getPortico();
  await storage.control();
  // Until the feed is connected (and while it is down) tenant lookups live for a second only.
  await changes.start();
  setOutboxBacklogSource(() => readOutboxBacklog(storage));
  // Both work from durable tables, so a restart resumes whatever was in flight.
  const email = emailSender.start({ intervalMs: env.emailPollMs });
  const sms = smsSender.start({ intervalMs: 2_000 });
  const stopWebhooks = startWebhookDispatcher({ intervalMs: 1_000, deps: webhooks });
  // Hourly, first a minute after start so it never competes with start-up work.
  const retentionTimer = retention.start({ intervalMs: RETENTION_INTERVAL_MS });
  // Forward-auth decision counts reach the audit log once a minute, and at shutdown.
  const forwardAuthCounts = decisionCounts().start(audit, { intervalMs: FORWARD_AUTH_FLUSH_MS });
  stopWorkers = async () => {
    retentionTimer.stop();
    await Promise.all([email.stop(), sms.stop(), stopWebhooks(), forwardAuthCounts.stop()]);
  };
  let createdDemo = false;
  if (env.createDemoTenant && (await tenants.list()).length === 0) {
    await tenants.create({ slug: DEMO_TENANT_SLUG, name: "Demo" });
    createdDemo = true;
  }
  return { createdDemo };
}

let stopWorkers: (() => Promise<void>) | undefined;

/**
 * The second half of a graceful shutdown, once server.ts has drained the HTTP requests: the
 * outbox workers claim nothing more and finish (or reschedule) what they hold, so no claim is
 * left for a lease to expire, then the tenant connections and database pools close.
 */
export async function shutdown(): Promise<void> {
  startDraining();
  await stopWorkers?.();
  stopWorkers = undefined;
  if (!portico) return;
  await portico.changes.close();
  await portico.registry.close();
  await portico.storage.close();
  await closeRedis();
}
