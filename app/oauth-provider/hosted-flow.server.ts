import { verifyOAuthQueryParams } from "@better-auth/oauth-provider";
import { redirect, redirectDocument } from "@remix-run/node";
import { getSignedInUser, signOut } from "~/auth/hosted-forms.server";
import { callTenantAuth, cookiesForHost } from "~/auth/tenant-auth-calls.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { withIssuerOfHost } from "./issuer.server";

/**
 * The browser's way through an authorization request (docs/oidc-provider.md#hosted-pages):
 * the plugin's authorize endpoint sends it to `oauth2/sign-in` or `oauth2/consent` with the
 * request's parameters and a signature over them. Every step checks that signature, so a
 * changed client, redirect URI or scope is refused, and ends back at the authorize endpoint,
 * which decides again from the stored client: redirects only ever go to a registered URI.
 */

/** Parameters the plugin adds to the signed query; the authorize endpoint does not take them. */
const SIGNATURE_PARAMS = ["sig", "exp", "ba_iat", "ba_param", "ba_pl"];

function invalidRequest(): never {
  throw new Response(
    "This sign-in request is no longer valid (it expired or was changed). Go back to the application and start again.",
    { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}

/** `query` when its signature checks and it has not expired, else a 400. */
async function requireValidSignature(live: TenantRequestContext, query: string): Promise<string> {
  const { secret } = await live.auth.$context;
  if (!query || !(await verifyOAuthQueryParams(query, secret))) invalidRequest();
  return query;
}

/** The request's signed authorization query (without `?`), or a 400 when it is missing, changed or expired. */
export async function requireSignedQuery(live: TenantRequestContext, request: Request): Promise<string> {
  return requireValidSignature(live, new URL(request.url).search.slice(1));
}

function signedIssuedAt(query: URLSearchParams): number | null {
  const issuedAt = Number(query.get("ba_iat"));
  return Number.isFinite(issuedAt) && issuedAt > 0 ? issuedAt : null;
}

/**
 * The plugin's login page. A signed-in browser only lands here when the client asked for a
 * fresh sign-in (`prompt=login`, or a session older than `max_age`): its session is ended so
 * the hosted sign-in page asks again. The sign-in page (any method the tenant enabled: password,
 * passkey, second factor, social) then returns to `resume`.
 */
export async function startSignIn(live: TenantRequestContext, request: Request, resumePath: string) {
  const query = await requireSignedQuery(live, request);
  const headers = new Headers();
  if (await getSignedInUser(live, request)) {
    for (const cookie of cookiesForHost(await signOut(live, request), live)) headers.append("Set-Cookie", cookie);
  }
  const wantsSignUp = new URLSearchParams(query).get("prompt")?.split(" ").includes("create");
  const page = wantsSignUp ? "sign-up" : "sign-in";
  const next = `${resumePath}?${query}`;
  return redirect(`${live.basePath}/${page}?redirectTo=${encodeURIComponent(next)}`, { headers });
}

/**
 * After the hosted sign-in: back to the authorize endpoint with the original parameters. A
 * session made after the request was signed satisfies `prompt=login` and `max_age`, so those
 * are dropped (as the plugin does when sign-in happens through its own endpoints).
 */
export async function resumeAuthorization(live: TenantRequestContext, request: Request, signInPath: string) {
  const query = await requireSignedQuery(live, request);
  const signedIn = await getSignedInUser(live, request);
  if (!signedIn) return redirectDocument(`${signInPath}?${query}`);
  const params = new URLSearchParams(query);
  const issuedAt = signedIssuedAt(params);
  const fresh = issuedAt !== null && new Date(signedIn.session.createdAt).getTime() >= issuedAt;
  for (const name of SIGNATURE_PARAMS) params.delete(name);
  if (fresh) {
    params.delete("max_age");
    const prompts = (params.get("prompt") ?? "").split(" ").filter((p) => p && p !== "login" && p !== "create");
    if (prompts.length) params.set("prompt", prompts.join(" "));
    else params.delete("prompt");
  }
  // A document navigation: the authorize endpoint is not a Remix route, and the sign-in form
  // that led here may have been submitted by Remix's client-side fetch.
  return redirectDocument(`${live.basePath}/api/auth/oauth2/authorize?${params}`);
}

export type ConsentView = {
  oauthQuery: string;
  client: { name: string; logoUri: string | null; uri: string | null; tosUri: string | null; policyUri: string | null };
  scopes: string[];
  redirectHost: string;
  user: { email: string; name: string };
};

type StoredClient = {
  name?: string | null;
  icon?: string | null;
  uri?: string | null;
  tos?: string | null;
  policy?: string | null;
};

/** Only http(s) links are shown (a logo or home page registered as `javascript:` is dropped). */
function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** What the consent page shows: the client as registered, the scopes asked for, who is signed in. */
export async function consentView(
  live: TenantRequestContext,
  request: Request,
  signInPath: string,
): Promise<ConsentView> {
  const oauthQuery = await requireSignedQuery(live, request);
  const signedIn = await getSignedInUser(live, request);
  if (!signedIn) throw redirect(`${signInPath}?${oauthQuery}`);
  const params = new URLSearchParams(oauthQuery);
  const { adapter } = await live.auth.$context;
  const client = await adapter.findOne<StoredClient>({
    model: "oauthClient",
    where: [{ field: "clientId", value: params.get("client_id") ?? "" }],
  });
  if (!client) invalidRequest();
  let redirectHost = "";
  try {
    redirectHost = new URL(params.get("redirect_uri") ?? "").host;
  } catch {
    invalidRequest();
  }
  return {
    oauthQuery,
    client: {
      name: client.name || params.get("client_id") || "",
      logoUri: httpUrl(client.icon),
      uri: httpUrl(client.uri),
      tosUri: httpUrl(client.tos),
      policyUri: httpUrl(client.policy),
    },
    scopes: (params.get("scope") ?? "").split(" ").filter(Boolean),
    redirectHost,
    user: { email: signedIn.user.email, name: signedIn.user.name },
  };
}

/**
 * The consent form's answer, through the plugin's consent endpoint (which checks the signed
 * query and the session again): a code, or `access_denied`, on the client's registered URI.
 * A changed or expired request is a 400; an answer from a browser that is not (or no longer)
 * signed in goes back to the sign-in step, so nobody answers for an account they are not in.
 */
export async function answerConsent(live: TenantRequestContext, request: Request, form: FormData, signInPath: string) {
  const oauthQuery = await requireValidSignature(live, String(form.get("oauth_query") ?? ""));
  const decision = form.get("decision");
  if (decision !== "allow" && decision !== "deny") {
    throw new Response("Choose Allow or Deny (the form field “decision”).", { status: 400 });
  }
  if (!(await getSignedInUser(live, request))) return redirect(`${signInPath}?${oauthQuery}`);
  // The code's `iss` is the host the flow runs on (a custom domain's own issuer).
  const response = await withIssuerOfHost(live, request, () =>
    callTenantAuth(live, request, "/oauth2/consent", { accept: decision === "allow", oauth_query: oauthQuery }),
  );
  const body = (await response.json().catch(() => null)) as { url?: string } | null;
  if (!response.ok || !body?.url) invalidRequest();
  return redirect(body.url);
}

/**
 * The signed authorization request a page works on: the consent page's own query, or the one
 * in a sign-in page's `redirectTo=…/oauth2/resume?…` (a sign-in form's answer can end at the
 * client when it needs no consent).
 */
function signedQueryOfPage(url: URL): string | null {
  if (url.pathname.endsWith("/oauth2/consent")) return url.search.slice(1) || null;
  const next = url.searchParams.get("redirectTo");
  if (!next?.includes("/oauth2/resume?")) return null;
  return next.slice(next.indexOf("?") + 1) || null;
}

/** The signed authorization request of the page `request` is for, or null (none, changed or expired). */
async function verifiedQueryOfPage(live: Pick<TenantRequestContext, "auth">, request: Request) {
  const query = signedQueryOfPage(new URL(request.url));
  if (!query) return null;
  const { secret } = await live.auth.$context;
  return (await verifyOAuthQueryParams(query, secret)) ? new URLSearchParams(query) : null;
}

/**
 * Browsers apply a page's CSP form-action to the redirects that follow its form posts, and
 * these pages' forms can end with a redirect to the client's registered URI: they also allow
 * the origin of the request's redirect URI, only when the request's signature checks.
 */
export async function oauthFormTarget(live: Pick<TenantRequestContext, "auth">, request: Request) {
  const redirectUri = (await verifiedQueryOfPage(live, request))?.get("redirect_uri");
  return redirectUri && URL.canParse(redirectUri) ? new URL(redirectUri).origin : null;
}

/** An email address has at most 254 characters (RFC 5321); usernames and phone numbers fewer. */
const LOGIN_HINT_MAX_LENGTH = 254;

/**
 * The client's `login_hint` for a sign-in page that continues an authorization request, to
 * pre-fill its identifier field. It is whatever the client (or whoever built the link) put
 * there: taken only from a request whose signature checks, only when it is one line of at
 * most 254 characters, and only ever shown as that field's value (React escapes it).
 */
export async function oauthLoginHint(live: Pick<TenantRequestContext, "auth">, request: Request) {
  const hint = (await verifiedQueryOfPage(live, request))?.get("login_hint")?.trim();
  if (!hint || hint.length > LOGIN_HINT_MAX_LENGTH || /[\p{Cc}\p{Cf}]/u.test(hint)) return null;
  return hint;
}
