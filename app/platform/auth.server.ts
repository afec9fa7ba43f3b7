import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { hkdfSync } from "node:crypto";
import { createTenantRateLimitStore } from "~/auth/rate-limit.server";
import { CLIENT_IP_HEADER } from "~/auth/tenant-auth.server";
import type { ControlDb } from "~/db/clients.server";
import type { Provider } from "~/db/paths.server";
import { authLogger, logServerErrorsOnly } from "~/http/auth-errors.server";

export const PLATFORM_AUTH_PATH = "/api/platform/auth";

/**
 * The platform's own accounts (the people who create and administer tenants), in the
 * control plane's `platform_*` tables. Entirely separate from every tenant's end users:
 * other tables, other cookie names, another signing secret.
 */
export function createPlatformAuth({
  db,
  provider,
  deploymentSecret,
  publicUrl,
  appName,
  onUserCreated = async () => undefined,
}: {
  db: ControlDb;
  provider: Provider;
  deploymentSecret: string;
  publicUrl: URL;
  appName: string;
  /** Runs after every new platform account, however it signed up (page or API). */
  onUserCreated?: (user: { id: string; email: string }) => Promise<unknown>;
}) {
  const secret = Buffer.from(hkdfSync("sha256", deploymentSecret, "portico", "portico:platform-auth", 32)).toString(
    "base64url",
  );
  return betterAuth({
    appName,
    baseURL: publicUrl.origin,
    basePath: PLATFORM_AUTH_PATH,
    secret,
    database: prismaAdapter(db, { provider }),
    user: { modelName: "platformUser" },
    session: { modelName: "platformSession", expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    account: { modelName: "platformAccount" },
    verification: { modelName: "platformVerification" },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    trustedOrigins: [publicUrl.origin],
    databaseHooks: { user: { create: { after: async (user) => void (await onUserCreated(user)) } } },
    rateLimit: { enabled: true, customStorage: createTenantRateLimitStore(), window: 60, max: 100 },
    telemetry: { enabled: false },
    logger: authLogger,
    onAPIError: { onError: logServerErrorsOnly },
    advanced: {
      cookiePrefix: "portico-platform",
      useSecureCookies: publicUrl.protocol === "https:",
      defaultCookieAttributes: { path: "/", httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

export type PlatformAuth = ReturnType<typeof createPlatformAuth>;
