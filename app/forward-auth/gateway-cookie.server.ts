import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";
import type { LiveTenant } from "~/tenancy/registry.server";

/**
 * The browser flow through a gateway (decision 0014). The tenant's session cookie lives on
 * Portico's host under /t/<slug>, so a browser never sends it to the protected app's host. After
 * signing in, Portico hands the browser a one-time code for the protected host
 * (`/.portico/callback?code=…`, which the gateway forwards to Portico); the code becomes a
 * cookie on that host, HttpOnly and host-only, holding the user's session sealed (AES-256-GCM
 * under PORTICO_SECRET, bound to the tenant and the host). Sealed, because the gateway passes
 * cookies on to the upstream: the upstream sees a value it cannot use against Portico's API, and
 * a cookie copied to another host does not open.
 *
 * The browser that started the round trip gets a state cookie on the protected host with the
 * gateway's redirect, and the code only turns into a session in a browser holding that state:
 * without it, anyone could send a victim to the callback with a code of their own and sign
 * them into the app as someone else (login CSRF).
 */
export const CODE_LIFETIME_SECONDS = 60;
const CODE_PREFIX = "forward-auth:";
/** The path on the protected host that the gateway forwards to `/t/<slug>/forward-auth/callback`. */
export const CALLBACK_PATH = "/.portico/callback";

/** `__Host-` on https: the browser then refuses the cookie from any other path or a subdomain. */
export function gatewayCookieName(tenantId: string, https: boolean): string {
  return `${https ? "__Host-" : ""}portico-gateway.${tenantId}`;
}

function stateCookieName(tenantId: string, https: boolean): string {
  return `${https ? "__Host-" : ""}portico-gateway-state.${tenantId}`;
}

/** How long a browser has to sign in and come back before the round trip starts over. */
const STATE_LIFETIME_SECONDS = 15 * 60;
const STATE = /^[A-Za-z0-9_-]{22}$/;

export function isGatewayState(value: string | null): value is string {
  return value !== null && STATE.test(value);
}

function cookieLine(name: string, value: string, maxAgeSeconds: number, https: boolean): string {
  return [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(https ? ["Secure"] : []),
  ].join("; ");
}

/** A new round trip's state and the cookie that keeps it in the browser on the protected host. */
export function newGatewayState(tenantId: string, https: boolean): { state: string; setCookie: string } {
  const state = randomBytes(16).toString("base64url");
  return { state, setCookie: cookieLine(stateCookieName(tenantId, https), state, STATE_LIFETIME_SECONDS, https) };
}

function sameState(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function sealPurpose(tenantId: string, host: string): string {
  return `forward-auth-cookie:${tenantId}:${host}`;
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

/** The session cookie value sealed in the request's gateway cookie for this host, if it opens. */
export function readGatewayCookie(
  headers: Headers,
  { tenantId, host, secret }: { tenantId: string; host: string; secret: string },
): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  const sealed =
    readCookie(header, gatewayCookieName(tenantId, true)) ?? readCookie(header, gatewayCookieName(tenantId, false));
  if (!sealed || sealed.length > 4096) return null;
  try {
    return decryptSecret(secret, sealPurpose(tenantId, host), sealed);
  } catch {
    return null;
  }
}

function codeIdentifier(code: string): string {
  return `${CODE_PREFIX}${createHash("sha256").update(code).digest("base64url")}`;
}

/** The signed session cookie the request carries on Portico's host (the tenant's own cookie). */
export async function sessionCookieValue(live: LiveTenant, headers: Headers): Promise<string | null> {
  const { authCookies } = await live.auth.$context;
  return readCookie(headers.get("cookie") ?? "", authCookies.sessionToken.name);
}

/**
 * A one-time code for `returnTo`'s host, valid CODE_LIFETIME_SECONDS, stored hashed in the
 * tenant's verification table (so any instance can redeem it, once).
 */
export async function issueGatewayCode(
  live: LiveTenant,
  { session, returnTo, state }: { session: string; returnTo: string; state: string },
): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  await live.db.verification.create({
    data: {
      id: randomUUID(),
      identifier: codeIdentifier(code),
      value: JSON.stringify({ session, returnTo, state }),
      expiresAt: new Date(Date.now() + CODE_LIFETIME_SECONDS * 1000),
    },
  });
  return code;
}

export type Redeemed = { ok: true; returnTo: string; setCookies: string[] } | { ok: false; reason: string };

/**
 * Redeems a code on the host it was issued for, in the browser that started the round trip:
 * deleted first (only one request can delete it), then checked for expiry, host and state. The
 * answer's cookies hold the sealed session and clear the state.
 */
export async function redeemGatewayCode(
  live: LiveTenant,
  { code, cookieHeader }: { code: string; cookieHeader: string },
  { host, https, secret, maxAgeSeconds }: { host: string; https: boolean; secret: string; maxAgeSeconds: number },
): Promise<Redeemed> {
  const expired = {
    ok: false as const,
    reason: "This sign-in link has expired or was already used. Open the page again.",
  };
  if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return expired;
  const row = await live.db.verification.findFirst({ where: { identifier: codeIdentifier(code) } });
  if (!row) return expired;
  const { count } = await live.db.verification.deleteMany({ where: { id: row.id } });
  if (count !== 1 || row.expiresAt.getTime() < Date.now()) return expired;
  const { session, returnTo, state } = JSON.parse(row.value) as { session: string; returnTo: string; state: string };
  if (new URL(returnTo).host !== host)
    return { ok: false, reason: "This sign-in link belongs to another site. Open the page again." };
  const browserState = readCookie(cookieHeader, stateCookieName(live.tenant.id, https));
  if (!browserState || !sameState(browserState, state))
    return { ok: false, reason: "This sign-in was started in another browser. Open the page again." };
  const sealed = encryptSecret(secret, sealPurpose(live.tenant.id, host), session);
  return {
    ok: true,
    returnTo,
    setCookies: [
      cookieLine(gatewayCookieName(live.tenant.id, https), sealed, maxAgeSeconds, https),
      cookieLine(stateCookieName(live.tenant.id, https), "", 0, https),
    ],
  };
}

/** Clears the gateway cookie on the protected host (its sign-out link). */
export function clearedGatewayCookie(tenantId: string, https: boolean): string {
  return cookieLine(gatewayCookieName(tenantId, https), "", 0, https);
}
