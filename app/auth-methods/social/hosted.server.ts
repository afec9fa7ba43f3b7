import { redirect } from "@remix-run/node";
import { SOCIAL_PROVIDER_IDS, socialProviderName, type SocialProviderId } from "~/auth-methods/social/catalog";
import { callTenantAuth, cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { afterSignInTarget } from "~/auth/hosted-pages.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/** What the hosted sign-in and sign-up pages offer besides email: provider buttons, the phone link. */
export type AlternativeSignIns = { providers: { id: SocialProviderId; name: string }[]; phone: boolean };

/** The error page a failed provider sign-in lands on (better-auth adds `?error=<code>`). */
export function socialErrorPath(basePath: string): string {
  return `${basePath}/sign-in/error`;
}

/**
 * The providers that are on and ready (better-auth built them: client id and secret set, and
 * for OpenID Connect a discovery document it could read). On a custom domain too: there the
 * provider calls back to that domain (`https://auth.acme.com/api/auth/callback/<id>`, decision
 * 0030), where the state cookie set by the domain's sign-in page is sent.
 */
export async function alternativeSignIns(live: TenantRequestContext): Promise<AlternativeSignIns> {
  const { authMethods } = live.tenant.config;
  const phone = authMethods.phoneNumber.enabled;
  const ready = new Set((await live.auth.$context).socialProviders.map((provider) => provider.id));
  const providers = SOCIAL_PROVIDER_IDS.filter((id) => authMethods[id].enabled && ready.has(id)).map((id) => ({
    id,
    name: socialProviderName(id, authMethods.oidc),
  }));
  return { providers, phone };
}

/**
 * Starts a provider sign-in for a hosted page's form post: better-auth's `/sign-in/social`
 * creates the state (kept in the tenant's database, bound to a signed cookie) and the
 * provider's authorization URL; the browser gets the cookie and is sent there. After the
 * provider, better-auth sends it to the safe `redirectTo` (else the account page), or to the
 * error page with a code.
 */
export async function startSocialSignIn(
  live: TenantRequestContext,
  request: Request,
  provider: string | undefined,
): Promise<Response> {
  const errorPath = socialErrorPath(live.basePath);
  const offered = await alternativeSignIns(live);
  const chosen = offered.providers.find((candidate) => candidate.id === provider);
  if (!chosen) return redirect(`${errorPath}?error=provider_unavailable`);
  const response = await callTenantAuth(live, request, "/sign-in/social", {
    provider: chosen.id,
    callbackURL: afterSignInTarget(request, live),
    errorCallbackURL: errorPath,
    disableRedirect: true,
  });
  const body = (await response.json().catch(() => null)) as { url?: unknown; code?: unknown } | null;
  if (!response.ok || typeof body?.url !== "string") {
    const code = response.status === 429 ? "rate_limited" : "provider_unavailable";
    return redirect(`${errorPath}?error=${code}`);
  }
  const headers = new Headers();
  for (const cookie of cookiesForHost(response.headers.getSetCookie(), live)) headers.append("Set-Cookie", cookie);
  return redirect(body.url, { headers });
}

/** The explanation a failed sign-in gets, by better-auth's error code. */
export type SocialErrorKind = "state" | "denied" | "notLinked" | "noEmail" | "signUpClosed" | "unavailable" | "other";

export function socialErrorKind(code: string | null): SocialErrorKind {
  switch (code) {
    case "state_mismatch":
    case "state_not_found":
    case "state_invalid":
    case "please_restart_the_process":
    case "invalid_callback_request":
    case "no_callback_url":
    // Enterprise SSO (app/sso): the answer came too late or to no sign-in we started.
    case "saml_expired":
    case "saml_unsolicited":
      return "state";
    case "access_denied":
    case "consent_required":
    case "login_required":
    case "interaction_required":
      return "denied";
    case "account_not_linked":
    case "unable_to_link_account":
    case "email_does_not_match":
    case "account_already_linked_to_different_user":
    case "sso_account_exists":
      return "notLinked";
    case "email_not_found":
    case "email_not_verified":
    case "sso_no_email":
      return "noEmail";
    case "signup_disabled":
      return "signUpClosed";
    case "provider_unavailable":
    case "oauth_provider_not_found":
    case "rate_limited":
    case "sso_unavailable":
      return "unavailable";
    default:
      return "other";
  }
}
