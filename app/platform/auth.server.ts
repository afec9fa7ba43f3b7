import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { hkdfSync } from "node:crypto";
import { pooledPasswordHashing } from "~/auth/password-hashing/index.server";
import { createTenantRateLimitStore } from "~/auth/rate-limit.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { keepExactSessionAddress } from "~/sessions/session-address.server";
import type { ControlDb } from "~/db/clients.server";
import type { Provider } from "~/db/paths.server";
import { PLATFORM_VERIFICATION_EXPIRES_IN_HOURS } from "./verification.server";
import { authLogger, logServerErrorsOnly } from "~/http/auth-errors.server";

export const PLATFORM_AUTH_PATH = "/api/platform/auth";
const MIN_PASSWORD_LENGTH = 10;
/** The platform accounts' rate limits are counted apart from every tenant's (no tenant id has an underscore). */
const PLATFORM_RATE_LIMIT_SCOPE = "_platform";

/**
 * The platform's own accounts (the people who create and administer tenants), in the
 * control plane's `platform_*` tables. Entirely separate from every tenant's end users:
 * other tables, other cookie names, another signing secret.
 *
 * Sign-up sends a verification link; an account may sign in before it follows it but is
 * granted nothing until then (session.server.ts), so an address someone does not own gives
 * them nothing. A sign-up with the address of an account that never verified replaces that
 * account, so a squatter cannot keep the owner of the address out.
 */
export function createPlatformAuth({
  db,
  provider,
  deploymentSecret,
  publicUrl,
  appName,
  onUserCreated = async () => undefined,
  sendVerificationEmail,
}: {
  db: ControlDb;
  provider: Provider;
  deploymentSecret: string;
  publicUrl: URL;
  appName: string;
  /** Runs after every new platform account, however it signed up (page or API). */
  onUserCreated?: (user: { id: string; email: string }) => Promise<unknown>;
  /** Queues the verification link (platform outbox). */
  sendVerificationEmail: (data: { user: { id: string; email: string; name: string }; url: string }) => Promise<void>;
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
    // Tokens in platform_verification are stored as SHA-256 hashes, never as the live value.
    verification: { modelName: "platformVerification", storeIdentifier: "hashed" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      autoSignIn: true,
      // Off the event loop and refused with 503 under a flood, like the tenants' (app/auth/password-hashing).
      password: pooledPasswordHashing,
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: PLATFORM_VERIFICATION_EXPIRES_IN_HOURS * 60 * 60,
      sendVerificationEmail: ({ user, url }) => sendVerificationEmail({ user, url }),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const { email, password } = (ctx.body ?? {}) as { email?: unknown; password?: unknown };
        // Only a sign-up that can succeed replaces anything (a too-short password would not).
        if (typeof email !== "string" || typeof password !== "string" || password.length < MIN_PASSWORD_LENGTH) return;
        // An account that never proved it owns this address holds nothing (no memberships
        // are granted before verification); the new sign-up takes the address over.
        await db.platformUser.deleteMany({ where: { email: email.trim().toLowerCase(), emailVerified: false } });
      }),
    },
    trustedOrigins: [publicUrl.origin],
    databaseHooks: {
      user: { create: { after: async (user) => void (await onUserCreated(user)) } },
      session: { create: { before: keepExactSessionAddress } },
    },
    rateLimit: {
      enabled: true,
      customStorage: createTenantRateLimitStore(PLATFORM_RATE_LIMIT_SCOPE),
      window: 60,
      max: 100,
    },
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
