import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";

/**
 * Several accounts signed in on one browser (better-auth's multi-session plugin): the account
 * page lists them, switches the active one and signs one out. Forms name a session by its id;
 * the session token it stands for is looked up from this browser's own cookies, so tokens never
 * reach the page.
 */

type DeviceSession = { session: { id: string; token: string }; user: { id: string; name: string; email: string } };
type MultiSessionApi = { listDeviceSessions(input: { headers: Headers }): Promise<DeviceSession[]> };

export function multiSessionEnabled(live: TenantRequestContext): boolean {
  return live.tenant.config.authMethods.multiSession.enabled;
}

async function listDeviceSessions(live: TenantRequestContext, request: Request): Promise<DeviceSession[]> {
  // The endpoint exists only when the tenant has the method on, so it is not in the static type.
  const api = live.auth.api as unknown as MultiSessionApi;
  return api.listDeviceSessions({ headers: request.headers });
}

export type SignedInAccounts = {
  maximum: number;
  accounts: { sessionId: string; name: string; email: string; current: boolean }[];
};

/** The accounts signed in on this browser, the current one first; null when the tenant has the method off. */
export async function signedInAccounts(
  live: TenantRequestContext,
  request: Request,
  currentSessionId: string,
): Promise<SignedInAccounts | null> {
  if (!multiSessionEnabled(live)) return null;
  const sessions = await listDeviceSessions(live, request);
  const accounts = sessions
    .map(({ session, user }) => ({
      sessionId: session.id,
      name: user.name,
      email: user.email,
      current: session.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { maximum: live.tenant.config.authMethods.multiSession.maximumSessions, accounts };
}

export type DeviceSessionResult = { ok: true; setCookies: string[] } | { ok: false; status: number; error: Message };

/** Switches to another signed-in account ("switch") or signs one of them out ("sign-out"). */
export async function deviceSessionAction(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<DeviceSessionResult> {
  const intent = form.get("intent");
  const sessionId = String(form.get("sessionId") ?? "");
  if (intent !== "switch" && intent !== "sign-out") return { ok: false, status: 400, error: message("errors.generic") };
  const target = (await listDeviceSessions(live, request)).find(({ session }) => session.id === sessionId);
  if (!target) return { ok: false, status: 404, error: message("sessions.error.notSignedIn") };
  const endpoint = intent === "switch" ? "/multi-session/set-active" : "/multi-session/revoke";
  const response = await callTenantAuth(live, request, endpoint, { sessionToken: target.session.token });
  if (response.status === 429) return { ok: false, status: 429, error: message("authErrors.tooManyAttempts") };
  if (!response.ok) return { ok: false, status: 400, error: message("sessions.error.notSignedIn") };
  return { ok: true, setCookies: response.headers.getSetCookie() };
}

/** Whether the sign-in page was opened to add another account beside the signed-in one. */
export function isAddingAccount(live: TenantRequestContext, request: Request): boolean {
  return multiSessionEnabled(live) && new URL(request.url).searchParams.get("addAccount") === "1";
}
