import { data } from "@remix-run/node";
import { redirectParam } from "~/auth/hosted-pages.server";
import { message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { emailDomain } from "./identity";
import { allowSsoStart } from "./rate-limit.server";
import { connectionForEmail, connectionForOrganization, redirectToIdentityProvider } from "./sign-in.server";
import type { SsoConnection } from "./connections.server";

/**
 * The hosted "Sign in with SSO" page: a work email (home-realm discovery by the organization's
 * verified domain) or `?organization=<slug>` (a link an organization hands its people) leads to
 * the organization's identity provider.
 */
export type SsoFormResult = { ok: false; errors: { email?: Message; form?: Message }; values: { email: string } };

async function toIdentityProvider(
  live: TenantRequestContext,
  request: Request,
  connection: SsoConnection,
  loginHint?: string,
) {
  if (!(await allowSsoStart(live.tenant.id, request))) return "limited" as const;
  try {
    return await redirectToIdentityProvider(live, connection, {
      redirectTo: redirectParam(request, live),
      purpose: "sign-in",
      loginHint,
    });
  } catch {
    // The OIDC issuer's discovery document could not be read.
    return "unavailable" as const;
  }
}

/** A redirect to the organization's IdP for `?organization=`, or null to show the form. */
export async function startFromLink(live: TenantRequestContext, request: Request) {
  const slug = new URL(request.url).searchParams.get("organization");
  if (!slug) return null;
  const connection = await connectionForOrganization(live, slug);
  const started = connection ? await toIdentityProvider(live, request, connection) : null;
  return started instanceof Response ? started : null;
}

/** The form's answer: off to the IdP, or a field error (400) naming what to change. */
export async function startFromEmail(live: TenantRequestContext, request: Request, form: FormData) {
  const email = String(form.get("email") ?? "")
    .trim()
    .slice(0, 320);
  const refuse = (errors: SsoFormResult["errors"], status = 400) =>
    data<SsoFormResult>({ ok: false, errors, values: { email } }, { status });
  if (!emailDomain(email)) return refuse({ email: message("sso.invalidEmail") });
  const connection = await connectionForEmail(live, email);
  if (!connection) return refuse({ email: message("sso.noConnection") });
  const started = await toIdentityProvider(live, request, connection, email);
  if (started instanceof Response) return started;
  // Over the rate limit, or the IdP unreachable: "try again in a moment" either way.
  return refuse({ form: message("sso.unavailable") }, started === "limited" ? 429 : 502);
}

/** The widget's discovery (`?email=`): the IdP's sign-in URL when the email's domain uses SSO, else null. */
export async function startForWidget(live: TenantRequestContext, request: Request): Promise<string | null> {
  const email = (new URL(request.url).searchParams.get("email") ?? "").trim().slice(0, 320);
  const redirect = await ssoRedirectForEmail(live, request, email);
  return redirect?.headers.get("Location") ?? null;
}

/** Home-realm discovery on the password form: the IdP's redirect when the email's domain uses SSO. */
export async function ssoRedirectForEmail(live: TenantRequestContext, request: Request, email: string) {
  const connection = emailDomain(email) ? await connectionForEmail(live, email) : null;
  const started = connection ? await toIdentityProvider(live, request, connection, email) : null;
  return started instanceof Response ? started : null;
}
