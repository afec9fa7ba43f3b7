import type { BetterAuthOptions, GenericEndpointContext } from "better-auth";
import { isAPIError } from "better-auth/api";
import { jwtVerify } from "jose";
import ipaddr from "ipaddr.js";
import { CLIENT_IP_HEADER, normalizeIp } from "~/http/client-ip";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { TenantDb } from "~/db/clients.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { tenantPagesUrl } from "~/tenancy/tenant-pages-url.server";
import type { TenantEmail } from "./templates.server";
import { errorField, log } from "~/ops/log.server";

/**
 * The tenant's account emails wired into its better-auth instance: email verification, the
 * password-reset link, and the optional notices (password changed, welcome, sign-in from an
 * unknown device) switched on in the email+password method's settings.
 */
export type AuthEmailContext = {
  tenant: Pick<Tenant, "id" | "slug" | "config">;
  publicUrl: URL;
  db: TenantDb;
  sendEmail: (email: TenantEmail) => Promise<void>;
  onEvent: (event: TenantAuthEvent) => void;
  /** The devices of the user's earlier sign-ins the audit log recorded (none when not given). */
  signInHistory?: SignInHistory;
};

export type SignInHistory = (userId: string, before: Date) => Promise<SessionSeen[]>;

/** How long a verification link works. */
export const VERIFICATION_EXPIRES_IN_HOURS = 24;
/** How long a password-reset link works (better-auth's resetPasswordTokenExpiresIn). */
export const RESET_PASSWORD_EXPIRES_IN_MINUTES = 60;

/** A hosted page's URL: on the custom domain the request came to, else on the shared host. */
function hosted({ tenant, publicUrl }: Pick<AuthEmailContext, "tenant" | "publicUrl">, path: string): string {
  return `${tenantPagesUrl(publicUrl, tenant.slug)}${path}`;
}

/**
 * The verification link goes to better-auth's /verify-email, which lands on the hosted
 * verify-email page: `?status=verified` on success, `?error=<code>` otherwise.
 */
export function verifyEmailCallbackUrl(context: Pick<AuthEmailContext, "tenant" | "publicUrl">): string {
  return hosted(context, "/verify-email?status=verified");
}

export function emailVerificationOptions(context: AuthEmailContext): BetterAuthOptions["emailVerification"] {
  const settings = context.tenant.config.authMethods.emailPassword;
  return {
    // With enumeration protection a sign-up gets no session, so the confirmation link is how a new user goes on.
    sendOnSignUp:
      settings.requireEmailVerification ||
      settings.sendVerificationOnSignUp ||
      context.tenant.config.signInProtection.enumerationProtection,
    autoSignInAfterVerification: true,
    expiresIn: VERIFICATION_EXPIRES_IN_HOURS * 60 * 60,
    sendVerificationEmail: async ({ user, url }, request) => {
      // Whatever callbackURL the caller passed (none from a sign-up form), the link lands on
      // the hosted page that explains the outcome.
      const link = new URL(url);
      link.searchParams.set("callbackURL", verifyEmailCallbackUrl(context));
      await context.sendEmail({
        to: user.email,
        request,
        template: "verifyEmail",
        props: {
          url: link.toString(),
          name: user.name || null,
          email: user.email,
          expiresInHours: VERIFICATION_EXPIRES_IN_HOURS,
        },
      });
    },
  };
}

export async function sendResetPasswordEmail(
  context: AuthEmailContext,
  { user, url }: { user: { email: string; name: string }; url: string },
  request?: Request,
): Promise<void> {
  await context.sendEmail({
    to: user.email,
    request,
    template: "resetPassword",
    props: { url, name: user.name || null, email: user.email, expiresInMinutes: RESET_PASSWORD_EXPIRES_IN_MINUTES },
  });
}

/**
 * With enumeration protection, a sign-up with an address that has an account is answered like
 * a new one; the owner hears about it instead (and is pointed to sign-in and reset).
 */
export async function sendSignUpAttemptEmail(
  context: AuthEmailContext,
  user: { email: string; name: string },
  request?: Request | null,
): Promise<void> {
  await context.sendEmail({
    to: user.email,
    request,
    template: "signUpAttempt",
    props: {
      url: hosted(context, "/sign-in"),
      resetUrl: hosted(context, "/forgot-password"),
      name: user.name || null,
      email: user.email,
    },
  });
}

export async function sendPasswordChangedEmail(
  context: AuthEmailContext,
  user: { email: string; name: string },
  request?: Request | null,
): Promise<void> {
  if (!context.tenant.config.authMethods.emailPassword.passwordChangedEmail) return;
  await context.sendEmail({
    to: user.email,
    request,
    template: "passwordChanged",
    props: {
      url: hosted(context, "/forgot-password"),
      name: user.name || null,
      email: user.email,
      when: new Date().toISOString(),
    },
  });
}

/** After sign-up, when the tenant sends welcome emails; in the background, so sign-up never waits. */
export function sendWelcomeEmail(
  context: AuthEmailContext,
  user: { email: string; name: string },
  request?: Request | null,
): void {
  if (!context.tenant.config.authMethods.emailPassword.welcomeEmail) return;
  // Placeholder addresses (phone-number sign-ups) have no inbox.
  if (!user.email || user.email.endsWith(".invalid")) return;
  context
    .sendEmail({
      to: user.email,
      request,
      template: "welcome",
      props: { url: hosted(context, "/account"), name: user.name || null, email: user.email },
    })
    .catch((error: unknown) => log.error({ err: errorField(error) }, "Could not queue the welcome email"));
}

type SessionSeen = { ipAddress?: string | null; userAgent?: string | null };

/** The network part of an address: the /24 of IPv4, the /48 of IPv6. */
export function networkOf(ip: string | null | undefined): string {
  const address = normalizeIp(ip);
  if (!address) return "";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) return address.split(".").slice(0, 3).join(".");
  // The /48, from the uncompressed form: rows from before decision 0023 hold the expanded,
  // masked form and new ones the compressed one, and the same network must match both.
  if (!ipaddr.IPv6.isValid(address)) return address.toLowerCase();
  return ipaddr.IPv6.parse(address).toNormalizedString().split(":").slice(0, 3).join(":");
}

/** A device is a user agent on a network; one seen before in any earlier session is known. */
export function isUnknownDevice(current: SessionSeen, earlier: SessionSeen[]): boolean {
  if (earlier.length === 0) return false; // the first session of a new account is not news
  return !earlier.some(
    (seen) =>
      (seen.userAgent ?? "") === (current.userAgent ?? "") &&
      networkOf(seen.ipAddress) === networkOf(current.ipAddress),
  );
}

/**
 * After a session is created: when the tenant sends sign-in alerts and this browser and
 * network were never seen for the user (live sessions, and sessions recorded in the audit
 * log, which outlive sign-outs), queue the "new sign-in" email. Runs in the background so a
 * sign-in never waits for it.
 */
export function noticeNewSignIn(
  context: AuthEmailContext,
  session: {
    id: string;
    userId: string;
    createdAt: Date;
    ipAddress?: string | null;
    userAgent?: string | null;
    impersonatedBy?: string | null;
  },
  request?: Request | null,
): void {
  if (!context.tenant.config.authMethods.emailPassword.newSignInEmail || session.impersonatedBy) return;
  const check = async () => {
    const [user, live, recorded] = await Promise.all([
      context.db.user.findUnique({ where: { id: session.userId }, select: { email: true, name: true } }),
      context.db.session.findMany({
        where: { userId: session.userId, id: { not: session.id } },
        select: { ipAddress: true, userAgent: true },
        take: 200,
      }),
      context.signInHistory?.(session.userId, session.createdAt) ?? [],
    ]);
    if (!user) return;
    if (!isUnknownDevice(session, [...live, ...recorded])) return;
    await context.sendEmail({
      to: user.email,
      request,
      template: "newSignIn",
      props: {
        url: hosted(context, "/forgot-password"),
        name: user.name || null,
        email: user.email,
        when: session.createdAt.toISOString(),
        userAgent: session.userAgent ?? null,
        ipAddress: session.ipAddress ?? null,
      },
    });
  };
  check().catch((error: unknown) => log.error({ err: errorField(error) }, "Could not check for a new sign-in device"));
}

/**
 * Before better-auth's /verify-email: a link whose email is already verified would otherwise
 * land on the success page as if it had just worked; it lands on the "already used"
 * explanation instead. The token is checked with the tenant's secret first, and the redirect
 * goes to the tenant's own page (never the link's callbackURL, not yet checked at this point).
 */
export async function redirectAlreadyVerified(context: AuthEmailContext, ctx: GenericEndpointContext): Promise<void> {
  if (ctx.path !== "/verify-email" || typeof ctx.query?.token !== "string") return;
  const payload = await jwtVerify(ctx.query.token, new TextEncoder().encode(ctx.context.secret), {
    algorithms: ["HS256"],
  })
    .then((result) => result.payload)
    .catch(() => null);
  if (!payload || typeof payload.email !== "string" || payload.updateTo) return;
  const found = await ctx.context.internalAdapter.findUserByEmail(payload.email);
  if (found?.user.emailVerified) throw ctx.redirect(hosted(context, "/verify-email?error=ALREADY_VERIFIED"));
}

/**
 * After any auth endpoint: the password-changed notice after a successful /change-password,
 * and a failed magic link (expired, reused) in the audit log. better-auth answers a magic link
 * with a redirect either way; a failure carries `error=` in its target.
 */
export async function afterEmailAuthEndpoint(context: AuthEmailContext, ctx: GenericEndpointContext): Promise<void> {
  const returned: unknown = (ctx.context as { returned?: unknown }).returned;
  if (ctx.path === "/change-password" && !isAPIError(returned)) {
    const user = (returned as { user?: { email: string; name: string } } | undefined)?.user;
    if (user) await sendPasswordChangedEmail(context, user, ctx.request);
  }
  if (ctx.path === "/magic-link/verify" && isAPIError(returned)) {
    const location = new Headers(returned.headers).get("location") ?? "";
    const error = location ? new URL(location, context.publicUrl).searchParams.get("error") : returned.body?.code;
    if (!error) return;
    context.onEvent({
      type: "sign_in.failed",
      ipAddress: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null,
      userAgent: ctx.request?.headers.get("user-agent") ?? null,
      data: { code: error, method: "magic-link" },
    });
  }
}
