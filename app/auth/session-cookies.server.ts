import { createHmac } from "node:crypto";
import type { TenantAuth } from "./tenant-auth.server";

/**
 * The Set-Cookie lines of a session Portico created itself (internalAdapter.createSession:
 * console impersonation, enterprise SSO), written as better-auth's setSessionCookie writes them,
 * so better-auth reads them back like its own.
 */
type CookieAttributes = {
  path?: string;
  domain?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
  maxAge?: number;
};

function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${value}`];
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${attributes.maxAge}`);
  if (attributes.domain) parts.push(`Domain=${attributes.domain}`);
  if (attributes.path) parts.push(`Path=${attributes.path}`);
  if (attributes.httpOnly) parts.push("HttpOnly");
  if (attributes.secure) parts.push("Secure");
  if (attributes.sameSite)
    parts.push(`SameSite=${attributes.sameSite[0]!.toUpperCase()}${attributes.sameSite.slice(1)}`);
  return parts.join("; ");
}

/** better-call's signCookieValue: `value.base64(HMAC-SHA256(secret, value))`, URI-encoded. */
function signCookieValue(value: string, secret: string): string {
  return encodeURIComponent(`${value}.${createHmac("sha256", secret).update(value).digest("base64")}`);
}

/**
 * The session cookie for `token`, lasting `maxAge` seconds. `dontRemember` adds better-auth's
 * dont_remember cookie, which stops getSession from extending the session past that time.
 */
export async function sessionCookies(
  auth: TenantAuth,
  token: string,
  { maxAge, dontRemember }: { maxAge: number; dontRemember: boolean },
): Promise<string[]> {
  const { authCookies, secret } = await auth.$context;
  const cookies = [
    serializeCookie(authCookies.sessionToken.name, signCookieValue(token, secret), {
      ...authCookies.sessionToken.attributes,
      maxAge,
    }),
  ];
  if (dontRemember)
    cookies.push(
      serializeCookie(
        authCookies.dontRememberToken.name,
        signCookieValue("true", secret),
        authCookies.dontRememberToken.attributes,
      ),
    );
  return cookies;
}

/** Set-Cookie lines that remove the session's cookies. */
export async function expiredSessionCookies(auth: TenantAuth): Promise<string[]> {
  const { authCookies } = await auth.$context;
  return [authCookies.sessionToken, authCookies.sessionData, authCookies.dontRememberToken].map((cookie) =>
    serializeCookie(cookie.name, "", { ...cookie.attributes, maxAge: 0 }),
  );
}
