import type { Challenge } from "altcha-lib";
import { RateLimiterRes } from "rate-limiter-flexible";
import { issueChallenge, issueServerPass } from "~/bot-protection/altcha.server";
import { ALTCHA_HEADER, CAPTCHA_HEADER, signInNeedsCheck } from "~/bot-protection/plugin.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { getPortico } from "~/context.server";
import { message, type Message } from "~/i18n/message";
import { processRateLimits } from "~/rate-limit/process.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/**
 * Bot protection on the hosted forms. With JavaScript the page solves the ALTCHA challenge its
 * loader embedded (or the third-party widget fills its token) and the action forwards the proof
 * to better-auth in the header the plugin checks. Without JavaScript an ALTCHA form arrives with
 * no proof: the action then spends one of a few attempts per hour and network address, and
 * stands in for the proof with a one-time server pass (decision 0010).
 */
export type BotCheckView =
  | { provider: "off" }
  | { provider: "altcha"; challenge: Challenge }
  | { provider: "turnstile" | "hcaptcha" | "recaptcha"; siteKey: string };

/** The form fields the providers' own scripts fill in. */
export const CAPTCHA_FIELDS = {
  turnstile: "cf-turnstile-response",
  hcaptcha: "h-captcha-response",
  recaptcha: "g-recaptcha-response",
} as const;
export const ALTCHA_FIELD = "altcha";

/** Posts without JavaScript per tenant and client address. */
export const NO_SCRIPT_ATTEMPTS = 5;
const noScriptBudget = () =>
  processRateLimits().limiter({ keyPrefix: "bot-no-script", points: NO_SCRIPT_ATTEMPTS, duration: 60 * 60 });

export async function botCheckView(live: TenantRequestContext): Promise<BotCheckView> {
  const { provider, siteKey } = live.tenant.config.botProtection;
  if (provider === "off") return { provider };
  if (provider === "altcha") return { provider, challenge: await issueChallenge(await tenantSecret(live)) };
  return { provider, siteKey };
}

async function tenantSecret(live: TenantRequestContext): Promise<string> {
  return (await getPortico().tenants.getSecrets(live.tenant.id)).authSecret;
}

type Purpose = "sign-up" | "reset" | { signIn: string };

/** The headers carrying the form's proof to better-auth, or a message when the form is refused. */
export async function botProofHeaders(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
  purpose: Purpose,
): Promise<{ headers: Record<string, string> } | { refused: Message }> {
  const { provider, signInAfterFailures } = live.tenant.config.botProtection;
  if (provider === "off") return { headers: {} };
  if (provider !== "altcha") {
    const token = String(form.get(CAPTCHA_FIELDS[provider]) ?? "").slice(0, 4096);
    return { headers: token ? { [CAPTCHA_HEADER]: token } : {} };
  }
  const solution = String(form.get(ALTCHA_FIELD) ?? "").slice(0, 4096);
  if (solution) return { headers: { [ALTCHA_HEADER]: solution } };
  const ip = request.headers.get(CLIENT_IP_HEADER);
  if (typeof purpose === "object" && !(await signInNeedsCheck(live.tenant.id, signInAfterFailures, ip, purpose.signIn)))
    return { headers: {} };
  try {
    await noScriptBudget().consume(`${live.tenant.id}:${ip ?? "unknown"}`);
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    return { refused: message("errors.botCheckBudget") };
  }
  return { headers: { [ALTCHA_HEADER]: issueServerPass(await tenantSecret(live)) } };
}

/** The sign-in form's check: only once this address has had too many failures (else nothing to solve). */
export async function signInBotCheckView(
  live: TenantRequestContext,
  request: Request,
  account: string | null = null,
): Promise<BotCheckView> {
  const { provider, signInAfterFailures } = live.tenant.config.botProtection;
  if (provider === "off") return { provider };
  const ip = request.headers.get(CLIENT_IP_HEADER);
  if (!(await signInNeedsCheck(live.tenant.id, signInAfterFailures, ip, account || null))) return { provider: "off" };
  return botCheckView(live);
}
