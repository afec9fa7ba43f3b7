import { isAPIError } from "better-auth/api";

type AuthLogger = { error(...args: unknown[]): void };

/**
 * better-auth's `onAPIError.onError`: its default logs every refused request (wrong content
 * type, bad JSON, a foreign Origin) at error level, so anyone could fill the error log. A
 * client's mistake is answered (4xx) and not logged; server-side failures still are.
 */
export function logServerErrorsOnly(error: unknown, ctx: { logger: AuthLogger }): void {
  if (isAPIError(error) && error.statusCode < 500) return;
  ctx.logger.error(isAPIError(error) ? error.status : error instanceof Error ? error.name : "", error);
}

type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * better-auth's logger: errors only, except the one client mistake it logs directly rather
 * than through onAPIError (a request from an untrusted Origin, answered 403), which is a
 * warning: worth seeing, not an error of ours.
 */
export const authLogger = {
  level: "error" as const,
  log(level: LogLevel, message: string, ...args: unknown[]) {
    if (message.startsWith("Invalid origin:")) {
      console.warn(`[better-auth] Refused a request from an untrusted origin: ${message.slice(15).trim()}`);
      return;
    }
    (level === "error" ? console.error : console.warn)(`[better-auth] ${message}`, ...args);
  },
};
