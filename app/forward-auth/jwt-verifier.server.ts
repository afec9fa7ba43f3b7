import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import { JWT_ALGORITHMS } from "~/jwt/catalog";
import { jwtIssuer } from "~/jwt/plugin.server";
import type { LiveTenant } from "~/tenancy/registry.server";

/**
 * Verifies a tenant's JWTs in memory, so a valid token costs no database round trip. Each
 * tenant's published keys (better-auth's getJwks, the same set as /.well-known/jwks.json) are
 * cached per instance of its config: a registry rebuild (new configVersion) starts afresh, and a
 * rotated key, unknown here, reloads the set at most once a second per tenant (so made-up
 * `kid`s cannot turn into a query per request; a token of a key published less than a second
 * after the last load is refused until then). The set is reloaded every KEYS_TTL_MS anyway so
 * keys past their grace period stop verifying.
 */
const KEYS_TTL_MS = 5 * 60_000;
const UNKNOWN_KID_RELOAD_MS = 1_000;
const MAX_TENANTS = 1_000;
/** Clock skew tolerated between the instance that signed and this one. */
const CLOCK_TOLERANCE_SECONDS = 5;

type KeySet = { verify: ReturnType<typeof createLocalJWKSet>; loadedAt: number };

const keySets = new LRUCache<string, Promise<KeySet>>({ max: MAX_TENANTS });

/**
 * Tokens already verified, until they expire: a client sends the same JWT with every request
 * for its lifetime, and checking a signature again (an async WebCrypto call) is most of a
 * decision's cost. Keyed by tenant, config version and the token itself, so a config change
 * (audience, the JWT method turned off) is never answered from here.
 */
const verifiedTokens = new LRUCache<string, JWTPayload>({ max: 20_000 });
const MAX_VERIFIED_TTL_MS = 5 * 60_000;

function remember(key: string, claims: JWTPayload): JWTPayload {
  const ttl = Math.min((claims.exp ?? 0) * 1000 - Date.now(), MAX_VERIFIED_TTL_MS);
  if (ttl > 0) verifiedTokens.set(key, claims, { ttl });
  return claims;
}

function cacheKey({ tenant }: LiveTenant): string {
  return `${tenant.id}@${tenant.configVersion}`;
}

async function loadKeySet(live: LiveTenant): Promise<KeySet> {
  const api = live.auth.api as unknown as { getJwks: () => Promise<JSONWebKeySet> };
  const jwks = await api.getJwks();
  return { verify: createLocalJWKSet(jwks), loadedAt: Date.now() };
}

function keySet(live: LiveTenant, { reloadOlderThanMs }: { reloadOlderThanMs: number }): Promise<KeySet> {
  const key = cacheKey(live);
  const cached = keySets.get(key);
  const fresh = (set: KeySet) => Date.now() - set.loadedAt < reloadOlderThanMs;
  const load = () => {
    const pending = loadKeySet(live);
    keySets.set(key, pending);
    // A failed load is not cached: the next request tries again.
    pending.catch(() => keySets.delete(key));
    return pending;
  };
  if (!cached) return load();
  return cached.then((set) => (fresh(set) ? set : load()));
}

/** Forgets every cached key set (tests, key rotation in this process). */
export function forgetTenantKeys(): void {
  keySets.clear();
  verifiedTokens.clear();
}

/**
 * The token's claims when the tenant signed it (its keys, its issuer and audience, not
 * expired), else null. Another tenant's token fails on the key and the issuer.
 */
export async function verifyTenantJwt(live: LiveTenant, token: string, publicUrl: URL): Promise<JWTPayload | null> {
  const settings = live.tenant.config.authMethods.jwt;
  if (!settings.enabled) return null;
  const issuer = jwtIssuer(publicUrl, live.tenant.slug);
  const options = {
    issuer,
    audience: settings.audience || issuer,
    algorithms: [...JWT_ALGORITHMS],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  const verifiedKey = `${cacheKey(live)}:${token}`;
  const known = verifiedTokens.get(verifiedKey);
  // The entry's ttl ends at `exp`; the check stays for clocks that moved since.
  if (known && (known.exp ?? 0) * 1000 > Date.now()) return known;
  try {
    const { verify } = await keySet(live, { reloadOlderThanMs: KEYS_TTL_MS });
    return remember(verifiedKey, (await jwtVerify(token, verify, options)).payload);
  } catch (error) {
    if (!(error instanceof errors.JWKSNoMatchingKey)) return null;
  }
  try {
    // Perhaps a key published since the set was loaded (a rotation).
    const { verify } = await keySet(live, { reloadOlderThanMs: UNKNOWN_KID_RELOAD_MS });
    return remember(verifiedKey, (await jwtVerify(token, verify, options)).payload);
  } catch {
    return null;
  }
}
