import type { AuthContext, BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint, createAuthMiddleware, isAPIError } from "better-auth/api";
import { captcha } from "better-auth/plugins";
import { checkBotProof, issueChallenge, type BotCheckFailure } from "~/bot-protection/altcha.server";
import { botProtectionDeployment } from "~/bot-protection/deployment.server";
import { processRateLimits } from "~/rate-limit/process.server";
import { BOT_PROTECTION_SECRET, type BotProtectionProvider, type TenantConfig } from "~/tenancy/config";

/**
 * Bot protection inside the tenant's better-auth instance, so hosted pages, widgets and API
 * clients meet the same check. It runs in `onRequest` (HTTP requests only: the console and
 * the management API call `auth.api` directly and are not challenged):
 * - sign-up and password-reset requests always need a proof;
 * - sign-in needs one once an IP address or an account has `signInAfterFailures` failures in
 *   the last 15 minutes.
 * ALTCHA proofs come in `x-portico-altcha` (altcha.server.ts); Turnstile, hCaptcha and
 * reCAPTCHA tokens in `x-captcha-response`, checked by better-auth's captcha plugin.
 */
export const ALTCHA_HEADER = "x-portico-altcha";
export const CAPTCHA_HEADER = "x-captcha-response";
/** Where clients fetch an ALTCHA challenge, under the tenant's auth base path. */
export const CHALLENGE_PATH = "/bot-protection/challenge";

const ALWAYS_CHECKED = ["/sign-up/email", "/request-password-reset"];
const SIGN_IN_PATHS = ["/sign-in/email", "/sign-in/username"];
const FAILURE_WINDOW_SECONDS = 15 * 60;

const CAPTCHA_PROVIDERS = {
  turnstile: "cloudflare-turnstile",
  hcaptcha: "hcaptcha",
  recaptcha: "google-recaptcha",
} as const;

/** Failed sign-ins per tenant and IP, and per tenant and account, expiring after the window (every instance's). */
const failures = () =>
  processRateLimits().limiter({ keyPrefix: "bot-failures", points: 1_000_000, duration: FAILURE_WINDOW_SECONDS });

function failureKeys(tenantId: string, ip: string | null, account: string | null): string[] {
  return [ip ? `${tenantId}:ip:${ip}` : null, account ? `${tenantId}:account:${account.toLowerCase()}` : null].filter(
    (key): key is string => key !== null,
  );
}

/** Whether sign-in from this IP (or for this account) needs the check now. */
export async function signInNeedsCheck(
  tenantId: string,
  threshold: number,
  ip: string | null,
  account: string | null,
): Promise<boolean> {
  if (threshold === 0) return true;
  for (const key of failureKeys(tenantId, ip, account)) {
    const counted = await failures().get(key);
    if ((counted?.consumedPoints ?? 0) >= threshold) return true;
  }
  return false;
}

function refusal({ code, message, status }: { code: string; message: string; status: number }) {
  return { response: Response.json({ code, message }, { status }) };
}

async function signInAccount(request: Request): Promise<string | null> {
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown; username?: unknown } | null;
  const account = body?.email ?? body?.username;
  return typeof account === "string" ? account.slice(0, 254) : null;
}

function authPathOf(request: Request, basePath: string): string {
  const { pathname } = new URL(request.url);
  return (pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname).replace(/\/+$/, "") || "/";
}

export type BotProtectionContext = {
  tenantId: string;
  config: TenantConfig["botProtection"];
  secrets: Record<string, string> & { authSecret: string };
  /** The header that carries the client's address (set by server.ts only). */
  clientIpHeader: string;
};

/** The plugins for the tenant's bot protection; none when it is off. */
export function botProtectionPlugins(context: BotProtectionContext): BetterAuthPlugin[] {
  const { provider } = context.config;
  if (provider === "off") return [];
  return [botProtectionPlugin(context, provider)];
}

function botProtectionPlugin(
  { tenantId, config, secrets, clientIpHeader }: BotProtectionContext,
  provider: Exclude<BotProtectionProvider, "off">,
) {
  const verify = async (
    request: Request,
    path: string,
    ctx: AuthContext,
  ): Promise<{ response: Response } | undefined> => {
    if (provider === "altcha") {
      const failure: BotCheckFailure | null = await checkBotProof(
        secrets.authSecret,
        request.headers.get(ALTCHA_HEADER),
      );
      return failure ? refusal(failure) : undefined;
    }
    const secretKey = secrets[BOT_PROTECTION_SECRET];
    if (!secretKey)
      return refusal({
        code: "BOT_CHECK_UNCONFIGURED",
        status: 503,
        message: "Bot protection is on but its secret key is not set: an administrator must add it in the console.",
      });
    // better-auth's captcha plugin calls the provider's siteverify endpoint for this one path.
    const thirdParty = captcha({
      provider: CAPTCHA_PROVIDERS[provider],
      secretKey,
      endpoints: [path],
      siteVerifyURLOverride: botProtectionDeployment().captchaVerifyUrl,
    } as Parameters<typeof captcha>[0]);
    return thirdParty.onRequest(request, ctx);
  };
  return {
    id: "portico-bot-protection",
    endpoints: {
      botProtectionChallenge: createAuthEndpoint(CHALLENGE_PATH, { method: "GET" }, async (ctx) => {
        if (provider !== "altcha") return ctx.json({ provider, siteKey: config.siteKey });
        ctx.setHeader("cache-control", "no-store");
        return ctx.json({ provider, challenge: await issueChallenge(secrets.authSecret) });
      }),
    },
    onRequest: async (request, ctx) => {
      if (request.method !== "POST") return;
      const path = authPathOf(request, ctx.options.basePath ?? "/api/auth");
      if (ALWAYS_CHECKED.includes(path)) return verify(request, path, ctx);
      if (!SIGN_IN_PATHS.includes(path)) return;
      const ip = request.headers.get(clientIpHeader);
      if (await signInNeedsCheck(tenantId, config.signInAfterFailures, ip, await signInAccount(request)))
        return verify(request, path, ctx);
    },
    hooks: {
      after: [
        {
          matcher: (ctx) => SIGN_IN_PATHS.includes(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const ip = ctx.request?.headers.get(clientIpHeader) ?? null;
            const body = ctx.body as { email?: unknown; username?: unknown } | undefined;
            const account =
              typeof (body?.email ?? body?.username) === "string" ? String(body?.email ?? body?.username) : null;
            const returned = ctx.context.returned;
            if (isAPIError(returned) && returned.statusCode === 401) {
              await Promise.all(failureKeys(tenantId, ip, account).map((key) => failures().penalty(key, 1)));
            } else if (!isAPIError(returned) && account) {
              // A successful sign-in clears the account's count (the IP's stays until the window ends).
              await failures().delete(`${tenantId}:account:${account.toLowerCase()}`);
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
