import { redirect } from "@remix-run/node";
import { getSignedInUser } from "~/auth/hosted-forms.server";
import { callTenantAuth, cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { getPortico } from "~/context.server";
import { message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { buildUserExport, exportResponse } from "./export.server";

/** better-auth's default `session.freshAge`: a session younger than this may delete without a password. */
const FRESH_SESSION_MS = 24 * 60 * 60 * 1000;

/** The signed-in user, or a redirect to sign-in that comes back to `path` (an account sub-page). */
export async function requireAccountUser(live: TenantRequestContext, request: Request, path: string) {
  const signedIn = await getSignedInUser(live, request);
  if (!signedIn) {
    throw redirect(`${live.basePath}/sign-in?redirectTo=${encodeURIComponent(`${live.basePath}${path}`)}`);
  }
  return signedIn;
}

/** "Download my data" on the account page: the same export the API and widgets give. */
export async function downloadOwnData(live: TenantRequestContext, request: Request): Promise<Response> {
  const { user } = await requireAccountUser(live, request, "/account");
  const control = await getPortico().storage.control();
  const data = await buildUserExport({ control, tenant: live.tenant, db: live.db }, user.id);
  if (!data) throw redirect(`${live.basePath}/sign-in`);
  return exportResponse(data);
}

/** What the deletion page asks for: a password when the user has one and the session is not fresh. */
export async function deletionRequirements(live: TenantRequestContext, request: Request) {
  const { user, session } = await requireAccountUser(live, request, "/account/delete");
  const credential = await live.db.account.findFirst({
    where: { userId: user.id, providerId: "credential", password: { not: null } },
    select: { id: true },
  });
  const fresh = Date.now() - new Date(session.createdAt).getTime() < FRESH_SESSION_MS;
  return { email: user.email, hasPassword: Boolean(credential), fresh };
}

export type DeletionResult =
  { ok: true; setCookies: string[] } | { ok: false; errors: { confirm?: Message; password?: Message; form?: Message } };

/**
 * Deletes the signed-in user through better-auth's POST /delete-user (password, or a fresh
 * session), so the hosted page, widgets and API share its checks and the `user.deleted` event.
 */
export async function deleteOwnAccount(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<DeletionResult> {
  const { hasPassword } = await deletionRequirements(live, request);
  if (form.get("confirm") !== "on") return { ok: false, errors: { confirm: message("privacy.error.confirm") } };
  const password = String(form.get("password") ?? "").slice(0, 256);
  const response = await callTenantAuth(live, request, "/delete-user", password ? { password } : {});
  if (response.ok) return { ok: true, setCookies: cookiesForHost(response.headers.getSetCookie(), live) };
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  if (response.status === 429) return { ok: false, errors: { form: message("authErrors.tooManyAttempts") } };
  if (body.code === "INVALID_PASSWORD") return { ok: false, errors: { password: message("privacy.error.password") } };
  if (body.code === "SESSION_EXPIRED" && hasPassword && !password)
    return { ok: false, errors: { password: message("errors.passwordRequired") } };
  if (body.code === "SESSION_EXPIRED" || body.code === "CREDENTIAL_ACCOUNT_NOT_FOUND")
    return { ok: false, errors: { form: message("privacy.error.reauthenticate") } };
  return { ok: false, errors: { form: message("errors.generic") } };
}
