import { isAPIError } from "better-auth/api";
import { errorField, log } from "~/ops/log.server";

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
      log.warn(
        { origin: message.slice(15).trim().slice(0, 200) },
        "better-auth refused a request from an untrusted origin",
      );
      return;
    }
    const fields = {
      source: "better-auth",
      err: args.length ? errorField(args.find((arg) => arg instanceof Error) ?? args[0]) : undefined,
    };
    if (level === "error") log.error(fields, message);
    else log.warn(fields, message);
  },
};
