import { randomBytes } from "node:crypto";
import { SOCIAL_PROVIDER_IDS, type SocialProviderId } from "~/auth-methods/social/catalog";
import { getPortico } from "~/context.server";
import { oauthFormTarget } from "~/oauth-provider/hosted-flow.server";
import type { TenantConfig } from "~/tenancy/config";

/**
 * The Content-Security-Policy of every HTML page. Scripts run only from this origin or with
 * the page's nonce, so injected markup cannot run script; plugins and <base> are off; only
 * Portico may frame its pages; forms go only where Portico's pages legitimately send them.
 * Styles stay open ('unsafe-inline'): tenants' themes, the console's colour previews and React
 * `style` attributes are inline, and CSS cannot run script.
 */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** What a page may load and post to beyond its own origin (see pageSources). */
export type PageSources = { formAction: string[]; scriptSrc: string[] };

export function contentSecurityPolicy({ nonce, formAction, scriptSrc }: { nonce: string } & PageSources): string {
  return [
    ["script-src 'self'", `'nonce-${nonce}'`, ...scriptSrc].join(" "),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    `form-action ${formAction.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
  ].join("; ");
}

/** Where each provider's sign-in page lives: a provider button's form post is redirected there. */
function providerOrigin(id: SocialProviderId, config: TenantConfig): string | null {
  const settings = config.authMethods[id] as { enabled: boolean; issuer?: string; discoveryUrl?: string };
  if (!settings.enabled) return null;
  const fixed: Partial<Record<SocialProviderId, string>> = {
    google: "https://accounts.google.com",
    github: "https://github.com",
    microsoft: "https://login.microsoftonline.com",
    apple: "https://appleid.apple.com",
    discord: "https://discord.com",
  };
  // GitLab may be self-hosted; an OpenID Connect provider authorizes on its issuer's origin.
  const url = fixed[id] ?? (id === "gitlab" ? settings.issuer : settings.discoveryUrl);
  return url && URL.canParse(url) ? new URL(url).origin : null;
}

/**
 * Hosts a tenant's third-party CAPTCHA loads its scripts from (the widget script, and the
 * scripts it loads in turn); ALTCHA is solved by Portico's own bundle and needs none.
 */
const CAPTCHA_SCRIPT_SOURCES: Record<TenantConfig["botProtection"]["provider"], string[]> = {
  off: [],
  altcha: [],
  turnstile: ["https://challenges.cloudflare.com"],
  hcaptcha: ["https://js.hcaptcha.com", "https://*.hcaptcha.com"],
  recaptcha: ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"],
};

/**
 * Sources for a page. form-action: its own origin, and on a tenant's pages also where their
 * forms' answers redirect (browsers apply form-action to those redirects): the tenant's
 * trusted origins (back to the customer's app after sign-in) and its social providers.
 * script-src beyond 'self' and the nonce: the tenant's third-party CAPTCHA, if it chose one.
 */
export async function pageSources(request: Request): Promise<PageSources> {
  const slug = /^\/t\/([^/]+)\//.exec(new URL(request.url).pathname + "/")?.[1];
  const resolved = slug ? await getPortico().registry.resolve({ slug }) : null;
  if (resolved?.status !== "ok") return { formAction: ["'self'"], scriptSrc: [] };
  const sources = tenantPageSources(resolved.tenant.config, getPortico().env.publicUrl);
  // OAuth sign-in and consent forms can answer with a redirect to the client (app/oauth-provider).
  const oauthTarget = await oauthFormTarget(resolved, request);
  if (oauthTarget && !sources.formAction.includes(oauthTarget)) sources.formAction.push(oauthTarget);
  return sources;
}

export function tenantPageSources(config: TenantConfig, publicUrl: URL): PageSources {
  const formAction = new Set(["'self'", publicUrl.origin]);
  for (const origin of config.trustedOrigins) if (URL.canParse(origin)) formAction.add(new URL(origin).origin);
  for (const id of SOCIAL_PROVIDER_IDS) {
    const origin = providerOrigin(id, config);
    if (origin) formAction.add(origin);
  }
  return { formAction: [...formAction], scriptSrc: CAPTCHA_SCRIPT_SOURCES[config.botProtection.provider] };
}
