import { jwt } from "better-auth/plugins";
import type { AuthMethodSettings } from "~/auth-methods/catalog";
import type { TenantDb } from "~/db/clients.server";

/** Seconds a retired key stays in the JWKS beyond the longest token lifetime (clock skew). */
const GRACE_MARGIN_SECONDS = 5 * 60;

/** The tenant's issuer: its URL on the shared host, the same whichever host signed the token. */
export function jwtIssuer(publicUrl: URL, slug: string): string {
  return `${publicUrl.origin}/t/${slug}`;
}

/**
 * better-auth's jwt plugin for one tenant. A retired key (rotated by hand or after
 * `rotationDays`) stays published for a token lifetime plus a margin, so every token it
 * signed still verifies until it expires.
 */
export function tenantJwtPlugin(
  { expirationMinutes, algorithm, audience, rotationDays }: AuthMethodSettings<"jwt">,
  { publicUrl, slug, db }: { publicUrl: URL; slug: string; db?: TenantDb },
) {
  const issuer = jwtIssuer(publicUrl, slug);
  return jwt({
    // A JWT is signed when a client asks for one (GET /token), not on every get-session:
    // signing was half the cost of that hot path (decision 0017).
    disableSettingJwtHeader: true,
    jwks: {
      keyPairConfig: algorithm === "EdDSA" ? { alg: "EdDSA", crv: "Ed25519" } : { alg: algorithm },
      rotationInterval: rotationDays > 0 ? rotationDays * 24 * 60 * 60 : undefined,
      gracePeriod: expirationMinutes * 60 + GRACE_MARGIN_SECONDS,
    },
    jwt: {
      issuer,
      audience: audience || issuer,
      expirationTime: `${expirationMinutes}m`,
      // Only what a backend needs to know who is calling; no session token in the JWT. The
      // active organization, the roles there and two-factor status let forward-auth rules
      // decide on a JWT without a database round trip (app/forward-auth).
      definePayload: async ({ user, session }) => {
        const organizationId = session.activeOrganizationId as string | null | undefined;
        const member =
          organizationId && db
            ? await db.member.findFirst({ where: { organizationId, userId: user.id }, select: { role: true } })
            : null;
        return {
          email: user.email,
          email_verified: user.emailVerified,
          name: user.name,
          ...(organizationId ? { org_id: organizationId } : {}),
          ...(member ? { roles: member.role.split(",").filter(Boolean) } : {}),
          two_factor: user.twoFactorEnabled === true,
        };
      },
    },
  });
}
