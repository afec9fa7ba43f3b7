import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { LiveTenant } from "~/tenancy/registry.server";
import { readGatewayCookie } from "./gateway-cookie.server";
import type { Credential } from "./credential";
import { verifyTenantJwt } from "./jwt-verifier.server";

/**
 * Who is behind a gateway request: a bearer JWT the tenant issued (verified in memory), or the
 * gateway cookie set on the protected host after signing in (gateway-cookie.server.ts), which
 * carries the user's session and is checked by better-auth's getSession like any session, so
 * sign-out, revocation and bans hold at once.
 */
export type { Credential };

export type Identity = {
  userId: string;
  email: string;
  emailVerified: boolean;
  organizationId: string | null;
  /** The user's roles in the active organization. */
  roles: string[];
  /** Scopes the credential grants (a JWT's `scope` claim); sessions carry none. */
  scopes: string[];
  twoFactor: boolean;
  /** A short-lived JWT for the upstream to verify, when the tenant issues JWTs. */
  token: string | null;
};

export type Identified = { credential: Credential; identity: Identity | null };

const NOBODY: Identified = { credential: "none", identity: null };

function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)\s*$/i.exec(
    headers.get("authorization") ?? "",
  );
  return match?.[1] ?? null;
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

async function fromJwt(live: LiveTenant, token: string, publicUrl: URL): Promise<Identity | null> {
  const claims = await verifyTenantJwt(live, token, publicUrl);
  if (!claims?.sub) return null;
  return {
    userId: claims.sub,
    email: typeof claims.email === "string" ? claims.email : "",
    emailVerified: claims.email_verified === true,
    organizationId: typeof claims.org_id === "string" ? claims.org_id : null,
    roles: stringList(claims.roles),
    scopes: stringList(claims.scope),
    twoFactor: claims.two_factor === true,
    token,
  };
}

/**
 * JWTs minted for sessions, reused for half their lifetime: signing reads the tenant's key from
 * its database, which a decision should not do on every request.
 */
const sessionTokens = new LRUCache<string, string>({ max: 10_000 });

async function sessionJwt(live: LiveTenant, headers: Headers, sessionToken: string): Promise<string | null> {
  const settings = live.tenant.config.authMethods.jwt;
  if (!settings.enabled) return null;
  const key = createHash("sha256").update(`${live.tenant.id}:${sessionToken}`).digest("base64url");
  const cached = sessionTokens.get(key);
  if (cached) return cached;
  const api = live.auth.api as unknown as { getToken(input: { headers: Headers }): Promise<{ token: string }> };
  // No token is no reason to refuse a valid session: the identity headers still go upstream.
  const token = await api
    .getToken({ headers })
    .then((answer) => answer.token)
    .catch(() => null);
  if (token) sessionTokens.set(key, token, { ttl: (settings.expirationMinutes * 60_000) / 2 });
  return token;
}

async function fromSession(live: LiveTenant, sessionCookie: string): Promise<Identity | null> {
  const { authCookies } = await live.auth.$context;
  const headers = new Headers({ cookie: `${authCookies.sessionToken.name}=${sessionCookie}` });
  const found = await live.auth.api.getSession({ headers }).catch(() => null);
  if (!found) return null;
  const { user, session } = found as typeof found & {
    user: { twoFactorEnabled?: boolean | null };
    session: { activeOrganizationId?: string | null };
  };
  const organizationId = session.activeOrganizationId ?? null;
  const membership =
    organizationId && live.tenant.config.authMethods.organizations.enabled
      ? await live.db.member.findFirst({ where: { organizationId, userId: user.id }, select: { role: true } })
      : null;
  return {
    userId: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    organizationId,
    roles: stringList(membership?.role),
    scopes: [],
    twoFactor: user.twoFactorEnabled === true,
    token: await sessionJwt(live, headers, session.token),
  };
}

/**
 * The credential a request carries. A bearer token wins over the cookie (an API client says
 * who it is); a bearer token that does not verify is not rescued by a cookie.
 */
export async function identify(
  live: LiveTenant,
  headers: Headers,
  { publicUrl, host, secret }: { publicUrl: URL; host: string; secret: string },
): Promise<Identified> {
  const bearer = bearerToken(headers);
  if (bearer) {
    const identity = await fromJwt(live, bearer, publicUrl);
    return identity ? { credential: "jwt", identity } : NOBODY;
  }
  const sessionCookie = readGatewayCookie(headers, { tenantId: live.tenant.id, host, secret });
  if (!sessionCookie) return NOBODY;
  const identity = await fromSession(live, sessionCookie);
  return identity ? { credential: "session", identity } : NOBODY;
}
