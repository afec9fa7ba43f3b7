import { createHash, randomBytes, randomUUID } from "node:crypto";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";
import type { LiveTenant } from "~/tenancy/registry.server";

/**
 * The browser flow through a gateway (decision 0012). The tenant's session cookie lives on
 * Portico's host under /t/<slug>, so a browser never sends it to the protected app's host. After
 * signing in, Portico hands the browser a one-time code for the protected host
 * (`/.portico/callback?code=…`, which the gateway forwards to Portico); the code becomes a
 * cookie on that host, HttpOnly and host-only, holding the user's session sealed (AES-256-GCM
 * under PORTICO_SECRET, bound to the tenant and the host). Sealed, because the gateway passes
 * cookies on to the upstream: the upstream sees a value it cannot use against Portico's API, and
 * a cookie copied to another host does not open.
 */
export const CODE_LIFETIME_SECONDS = 60;
const CODE_PREFIX = "forward-auth:";
/** The path on the protected host that the gateway forwards to `/t/<slug>/forward-auth/callback`. */
export const CALLBACK_PATH = "/.portico/callback";

/** `__Host-` on https: the browser then refuses the cookie from any other path or a subdomain. */
export function gatewayCookieName(tenantId: string, https: boolean): string {
  return `${https ? "__Host-" : ""}portico-gateway.${tenantId}`;
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
export async function issueGatewayCode(live: LiveTenant, sessionCookie: string, returnTo: string): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  await live.db.verification.create({
    data: {
      id: randomUUID(),
      identifier: codeIdentifier(code),
      value: JSON.stringify({ session: sessionCookie, returnTo }),
      expiresAt: new Date(Date.now() + CODE_LIFETIME_SECONDS * 1000),
    },
  });
  return code;
}

export type Redeemed = { ok: true; returnTo: string; setCookie: string } | { ok: false; reason: string };

/**
 * Redeems a code on the host it was issued for: deleted first (only one request can delete
 * it), then checked for expiry and host. The answer's cookie holds the sealed session.
 */
export async function redeemGatewayCode(
  live: LiveTenant,
  code: string,
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
  const { session, returnTo } = JSON.parse(row.value) as { session: string; returnTo: string };
  if (new URL(returnTo).host !== host)
    return { ok: false, reason: "This sign-in link belongs to another site. Open the page again." };
  const sealed = encryptSecret(secret, sealPurpose(live.tenant.id, host), session);
  const attributes = [`Path=/`, `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax", ...(https ? ["Secure"] : [])];
  return {
    ok: true,
    returnTo,
    setCookie: [`${gatewayCookieName(live.tenant.id, https)}=${sealed}`, ...attributes].join("; "),
  };
}

/** Clears the gateway cookie on the protected host (its sign-out link). */
export function clearedGatewayCookie(tenantId: string, https: boolean): string {
  return `${gatewayCookieName(tenantId, https)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
}
