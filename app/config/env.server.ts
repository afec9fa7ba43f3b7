import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { ensurePrivateDir } from "../db/private-files.server";
import { log } from "../ops/log.server";
import { isProductionEnv } from "./production";
import { OTEL_SDK_VARIABLES } from "../ops/tracing.server";
import { DEFAULT_PRIMARY_COLOR, type PlatformBranding } from "./branding";

/**
 * The deployment's configuration, read once from the environment and validated.
 * Every variable has a default so a fresh clone starts with `npm start`; a production
 * deployment (PORTICO_ENV=production, NODE_ENV=production set by the operator, or an https
 * PUBLIC_URL) must name its secret explicitly and fails fast with the variable named.
 */
/** An absolute http(s) URL, or a path on this deployment (files in `public/`, e.g. `/logo.svg`). */
function linkOrPath(example: string) {
  return z
    .string()
    .trim()
    .max(2048)
    .refine((value) => /^\/(?!\/)/.test(value) || (/^https?:\/\/\S+$/.test(value) && URL.canParse(value)), {
      message: `must be an http(s) URL or a path starting with /: ${example}`,
    });
}

function otlpUrl(example: string) {
  return z.url({ protocol: /^https?$/, message: `must be an http(s) URL such as ${example}` });
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://auth.example.com" })
    .optional(),
  PORTICO_ENV: z.enum(["production", "development"]).optional(),
  PORTICO_DATA_DIR: z.string().min(1).default("./data"),
  PORTICO_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 48)").optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset to use SQLite in the data directory)")
    .optional(),
  PORTICO_MAX_HOT_TENANTS: z.coerce.number().int().min(1).default(500),
  PORTICO_PASSWORD_HASH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  PORTICO_PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(64),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// URL such as redis://redis:6379/0" })
    .optional(),
  PORTICO_REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "must be 1–64 letters, digits or _ : . - (e.g. portico:)")
    .default("portico:"),
  PORTICO_PG_POOL_MAX: z.coerce.number().int().min(2).max(1000).default(10),
  PORTICO_TRUST_PROXY: z
    .string()
    .trim()
    .refine((value) => value === "true" || value === "false" || parseTrustedProxies(value) !== null, {
      message: `must be a hop count such as 1, or proxy addresses such as loopback or 10.0.0.0/8 (comma-separated)`,
    })
    .optional(),
  PORTICO_DEMO_TENANT: z.enum(["true", "false"]).default("true"),
  APP_NAME: z.string().trim().min(1).max(60).default("Portico"),
  APP_LOGO_URL: linkOrPath("an image such as https://example.com/logo.svg or /logo.svg").optional(),
  APP_PRIMARY_COLOR: z
    .string()
    .trim()
    .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, "must be a hex color such as #4f46e5")
    .default(DEFAULT_PRIMARY_COLOR),
  APP_SUPPORT_EMAIL: z.email({ message: "must be an email address such as support@example.com" }).optional(),
  APP_SUPPORT_URL: linkOrPath("a page such as https://example.com/support").optional(),
  APP_TERMS_URL: linkOrPath("a page such as https://example.com/terms").optional(),
  APP_PRIVACY_URL: linkOrPath("a page such as https://example.com/privacy").optional(),
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: "must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.com:465",
    })
    .optional(),
  SMTP_FROM: z.string().trim().min(3).max(320).optional(),
  PORTICO_EMAIL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  // OpenTelemetry traces (app/ops/tracing.server.ts): set, they turn tracing on. Checked here so
  // a typo stops the start with the variable's name instead of exporting nowhere.
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl("http://otel-collector:4318 (the collector's OTLP/HTTP address)").optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl("http://otel-collector:4318/v1/traces").optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(100).optional(),
  OTEL_PROPAGATORS: z
    .string()
    .trim()
    .toLowerCase()
    .refine(
      (value) =>
        value === "none" || value.split(",").every((name) => ["tracecontext", "baggage"].includes(name.trim())),
      { message: "must be tracecontext,baggage (the default) or none (ignore callers' traceparent)" },
    )
    .optional(),
});

/**
 * Every environment variable the server reads: the validated ones above plus those read where
 * they are used (server.ts, SMS gateway, bot protection, webhooks, SSO domains) and the OpenTelemetry SDK's. Deployment files (compose,
 * Helm chart) are checked against this list, so a misspelt or unsupported variable fails a test.
 */
export const ENVIRONMENT_VARIABLES: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  "NODE_ENV",
  "HOST",
  "PORTICO_BUILD_DIR",
  "PORTICO_SHUTDOWN_TIMEOUT",
  "LOG_LEVEL",
  "LOG_FORMAT",
  "PORTICO_METRICS_PORT",
  "PORTICO_METRICS_TOKEN",
  "PORTICO_METRICS_TENANTS",
  "PORTICO_METRICS_TENANT_LIMIT",
  "PORTICO_WEBHOOKS_ALLOW_PRIVATE",
  "PORTICO_DNS_SERVER",
  "PORTICO_ALLOW_OUTBOUND",
  "PORTICO_HIBP_RANGE_URL",
  "PORTICO_CAPTCHA_VERIFY_URL",
  "SMS_TWILIO_ACCOUNT_SID",
  "SMS_TWILIO_AUTH_TOKEN",
  "SMS_FROM",
  "SMS_TWILIO_BASE_URL",
  ...OTEL_SDK_VARIABLES,
];

export type Env = {
  port: number;
  publicUrl: URL;
  production: boolean;
  dataDir: string;
  secret: string;
  /** Where the secret came from: "env", or the file it was generated into. */
  secretSource: "env" | "generated";
  databaseUrl: string | undefined;
  maxHotTenants: number;
  /** Worker threads hashing passwords, and how many hashes may wait for one (app/auth/password-hashing). */
  passwordHashing: { threads: number; queueLimit: number };
  /** Shared rate limits and tenant-change fan-out across instances; unset: PostgreSQL (or memory). */
  redisUrl: string | undefined;
  /** Prepended to every Redis key, so deployments can share one Redis. */
  redisPrefix: string;
  /** Connections to DATABASE_URL this instance opens at most, whatever the number of tenants. */
  pgPoolMax: number;
  /** Express's "trust proxy": which proxies may say who the client is (X-Forwarded-*). */
  trustProxy: TrustProxy;
  createDemoTenant: boolean;
  /** The deployment's own product name (console, platform pages, platform emails). */
  appName: string;
  /** The deployment's own brand (APP_*): marketing site, console, platform pages and emails. */
  branding: PlatformBranding;
  /** The deployment's mail server (smtp:// or smtps://); unset keeps mail in the console's outbox. */
  smtpUrl: string | undefined;
  /** The sender of mail going through SMTP_URL, e.g. `Portico <no-reply@auth.example.com>`. */
  smtpFrom: string;
  /** How often the email sender looks for queued mail (tests set it low). */
  emailPollMs: number;
};

export class ConfigError extends Error {}

/** false (no proxy), a hop count, or the proxies' addresses; `true` only in development. */
export type TrustProxy = boolean | number | string[];

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** `loopback, 10.0.0.0/8, 192.168.1.7`: Express's named ranges, addresses and CIDRs; null if one is not. */
function parseTrustedProxies(value: string): string[] | null {
  if (/^\d+$/.test(value)) return null;
  const entries = value.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (NAMED_RANGES.has(entry)) return true;
    const [address = "", prefix, ...rest] = entry.split("/");
    if (rest.length > 0 || isIP(address) === 0) return false;
    if (prefix === undefined) return true;
    const bits = isIP(address) === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
  });
  return valid ? entries : null;
}

/**
 * PORTICO_TRUST_PROXY as Express's "trust proxy". `true` believes every X-Forwarded-For entry,
 * and the left-most one is whatever the client typed: anyone could pick the IP that rate limits
 * and audit logs see. So it is refused outside development in favour of a hop count (the
 * right-most entries, added by your own proxies) or the proxies' addresses.
 */
export function parseTrustProxy(value: string | undefined, production: boolean): TrustProxy {
  const setting = value?.trim() ?? "";
  if (setting === "" || setting === "false") return false;
  if (setting === "true") {
    if (production) {
      throw new ConfigError(
        "PORTICO_TRUST_PROXY=true would let any client choose its IP address with X-Forwarded-For. " +
          "Set the number of proxies in front of Portico (e.g. PORTICO_TRUST_PROXY=1) or their addresses " +
          "(e.g. PORTICO_TRUST_PROXY=loopback or 10.0.0.0/8).",
      );
    }
    return true;
  }
  if (/^\d+$/.test(setting)) return Number(setting);
  const proxies = parseTrustedProxies(setting);
  if (!proxies) throw new ConfigError(`Invalid environment variable PORTICO_TRUST_PROXY: ${setting}`);
  return proxies;
}

/** Reads `.env` from the working directory if there is one; real environment variables win. */
export function loadDotEnvFile(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

function parseEnv(source: NodeJS.ProcessEnv): z.infer<typeof EnvSchema> {
  // Empty strings mean "unset" for every variable, as in most .env files.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}

export { isProductionEnv };

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret");
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, "utf8").trim();
  }
  ensurePrivateDir(dataDir);
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  log.warn(`Generated a deployment secret in ${file}. Fine for local use; in production set PORTICO_SECRET.`);
  return secret;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const raw = parseEnv(source);
  const production = isProductionEnv(source);
  if (production && !raw.PORTICO_SECRET) {
    throw new ConfigError(
      "PORTICO_SECRET is required in production (at least 32 characters, e.g. `openssl rand -base64 48`).",
    );
  }
  if (production && !raw.PUBLIC_URL) {
    throw new ConfigError("PUBLIC_URL is required in production (the https URL users reach Portico at).");
  }
  const dataDir = path.resolve(raw.PORTICO_DATA_DIR);
  const publicUrl = new URL(raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`);
  return {
    port: raw.PORT,
    publicUrl: new URL(publicUrl.origin),
    production,
    dataDir,
    secret: raw.PORTICO_SECRET ?? loadOrCreateSecret(dataDir),
    secretSource: raw.PORTICO_SECRET ? "env" : "generated",
    databaseUrl: raw.DATABASE_URL,
    maxHotTenants: raw.PORTICO_MAX_HOT_TENANTS,
    passwordHashing: {
      threads: raw.PORTICO_PASSWORD_HASH_THREADS ?? availableParallelism(),
      queueLimit: raw.PORTICO_PASSWORD_HASH_QUEUE,
    },
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.PORTICO_REDIS_PREFIX,
    pgPoolMax: raw.PORTICO_PG_POOL_MAX,
    trustProxy: parseTrustProxy(raw.PORTICO_TRUST_PROXY, production),
    createDemoTenant: raw.PORTICO_DEMO_TENANT === "true",
    appName: raw.APP_NAME,
    branding: {
      name: raw.APP_NAME,
      logoUrl: raw.APP_LOGO_URL ?? null,
      primaryColor: raw.APP_PRIMARY_COLOR.toLowerCase(),
      supportEmail: raw.APP_SUPPORT_EMAIL ?? null,
      supportUrl: raw.APP_SUPPORT_URL ?? null,
      termsUrl: raw.APP_TERMS_URL ?? null,
      privacyUrl: raw.APP_PRIVACY_URL ?? null,
    },
    smtpUrl: raw.SMTP_URL,
    smtpFrom: raw.SMTP_FROM ?? `${raw.APP_NAME} <no-reply@${publicUrl.hostname}>`,
    emailPollMs: raw.PORTICO_EMAIL_POLL_MS,
  };
}

let cached: Env | undefined;

/** The process-wide configuration, read on first use. */
export function getEnv(): Env {
  cached ??= readEnv();
  return cached;
}
