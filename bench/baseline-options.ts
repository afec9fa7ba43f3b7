/**
 * What both baselines (bench/bare-server.ts, bench/default-server.ts) configure alike: the
 * options a new Portico tenant gets, with the bench's rate limit, read from the environment
 * the bench starts them with. Only the database layer differs between the two.
 *   BENCH_SECRET      better-auth's secret
 *   BENCH_PUBLIC_URL  http://127.0.0.1:<PORT>
 *   PORT
 */
import type { BetterAuthOptions } from "better-auth";
import { TenantConfigSchema } from "../app/tenancy/config";
import { BENCH_RATE_LIMIT } from "./options";

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

export const port = Number(requiredEnv("PORT"));

export function baselineOptions(appName: string) {
  const publicUrl = requiredEnv("BENCH_PUBLIC_URL");
  const config = TenantConfigSchema.parse({ rateLimit: BENCH_RATE_LIMIT });
  return {
    appName,
    baseURL: publicUrl,
    secret: requiredEnv("BENCH_SECRET"),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: config.authMethods.emailPassword.minPasswordLength,
      maxPasswordLength: config.authMethods.emailPassword.maxPasswordLength,
      autoSignIn: true,
    },
    session: { expiresIn: config.session.expiresIn, updateAge: config.session.updateAge },
    trustedOrigins: [publicUrl],
    // No client IP header is set here, so every request shares better-auth's "no-trusted-ip"
    // bucket: the same one map lookup per request as Portico's per-IP bucket.
    rateLimit: { enabled: true, storage: "memory", window: config.rateLimit.window, max: config.rateLimit.max },
    telemetry: { enabled: false },
    logger: { level: "error" },
    advanced: {
      // Only the password-flood bench sends X-Forwarded-For (one address per sign-in, as Portico
      // behind its proxy reads it); get-session requests carry none and share one bucket.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      cookiePrefix: "bench",
      useSecureCookies: false,
      defaultCookieAttributes: { path: "/", httpOnly: true, sameSite: "lax" },
    },
  } satisfies BetterAuthOptions;
}
