import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
// Relative, not "~/": server.ts imports this module and is compiled without the alias.
import { isProductionEnv } from "../config/production";

/**
 * Portico's log (docs/self-hosting.md#logs): one JSON line per request and per notable event,
 * on stdout, at LOG_LEVEL (default info; debug in development). LOG_FORMAT=pretty (the default
 * in development on a terminal) prints readable lines instead.
 *
 * What must never reach the log at info level: passwords, tokens, cookies, secrets and full
 * email addresses. Fields with those names are redacted here as a safety net; callers log ids,
 * masked addresses (maskEmail) and paths without query strings (logPath).
 */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const REDACTED_FIELDS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "cookie",
  "authorization",
  "apiKey",
];

export function logOptions(env: Record<string, string | undefined>): {
  level: string;
  pretty: boolean;
} {
  const production = isProductionEnv(env as NodeJS.ProcessEnv);
  const requested = env.LOG_LEVEL?.trim().toLowerCase();
  const level = (LOG_LEVELS as readonly string[]).includes(requested ?? "")
    ? requested!
    : production
      ? "info"
      : "debug";
  const format = env.LOG_FORMAT?.trim().toLowerCase();
  const prettyOutput = format ? format === "pretty" : !production && Boolean(process.stdout.isTTY);
  return { level, pretty: prettyOutput };
}

export function createLogger(env: Record<string, string | undefined>, destination?: NodeJS.WritableStream): Logger {
  const options = logOptions(env);
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { service: "portico" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [...REDACTED_FIELDS, ...REDACTED_FIELDS.map((field) => `*.${field}`)],
      censor: "[redacted]",
    },
  };
  if (destination) return pino(settings, destination);
  if (options.pretty) return pino(settings, pretty({ colorize: true, sync: true, ignore: "pid,hostname,service" }));
  return pino(settings);
}

// server.ts and the Remix build each load this module; they share one logger per process.
const LOGGER_KEY = Symbol.for("portico.logger");

export function getLogger(): Logger {
  const globals = globalThis as { [LOGGER_KEY]?: Logger };
  return (globals[LOGGER_KEY] ??= createLogger(process.env));
}

/**
 * The process's logger, created on first use: server.ts loads .env after its imports are
 * evaluated, so LOG_LEVEL and LOG_FORMAT are read when the first line is logged.
 */
export const log: Logger = new Proxy({} as Logger, {
  get: (_target, property) => {
    const logger = getLogger();
    const value = Reflect.get(logger, property, logger) as unknown;
    return typeof value === "function" ? value.bind(logger) : value;
  },
});

/** "alice@example.com" → "a***@example.com": enough to tell users apart, not to contact one. */
export function maskEmail(email: string | null | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * A request path fit for the log: no query string (links carry tokens there), and the path
 * segments that are themselves credentials (invitation and reset links) replaced.
 */
export function logPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path
    .replace(/\/(invite|reset-password)\/[^/]+/g, "/$1/:token")
    .split("/")
    .map((segment) => (segment.length >= 40 ? ":long" : segment))
    .join("/");
}

/** An error as a log field: message and stack, nothing the error object may carry besides. */
export function errorField(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}
