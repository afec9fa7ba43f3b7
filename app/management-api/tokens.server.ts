import { createLocalJWKSet, jwtVerify, type JWK, type JWTPayload } from "jose";
import { z } from "zod";
import { getPortico } from "~/context.server";
import { jwtIssuer } from "~/jwt/plugin.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { Timestamp } from "./common.server";
import { defineOperation } from "./operation.server";
import { toApiUser, USER_SELECT, UserSchema } from "./user-model.server";

/**
 * Token verification for services that cannot verify tokens themselves: a session token (as
 * a bearer token or the session cookie's value) or a JWT signed with the tenant's keys.
 * Answers like OAuth token introspection (RFC 7662): `active: false` for any token that is
 * not valid now, without saying why.
 */
const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

async function verifySessionToken(live: LiveTenant, token: string) {
  // The session cookie carries `<token>.<signature>`; the token itself has no dot.
  const raw = decodeURIComponent(token).split(".")[0]!;
  const { internalAdapter } = await live.auth.$context;
  const found = await internalAdapter.findSession(raw);
  if (!found || found.session.expiresAt.getTime() <= Date.now()) return null;
  const user = await live.db.user.findUnique({ where: { id: found.user.id }, select: USER_SELECT });
  if (!user) return null;
  return {
    active: true as const,
    type: "session" as const,
    user: toApiUser(user),
    session: { id: found.session.id, expiresAt: found.session.expiresAt },
  };
}

type JwtApi = { verifyJWT?: (input: { body: { token: string } }) => Promise<{ payload: JWTPayload | null }> };

/**
 * better-auth's own verifier while the tenant has the JWT method on; once it is off, tokens
 * it issued still verify against the stored public keys (with the tenant's issuer) until
 * they expire.
 */
export async function verifyJwt(live: LiveTenant, token: string): Promise<JWTPayload | null> {
  const api = live.auth.api as unknown as JwtApi;
  if (api.verifyJWT) return (await api.verifyJWT({ body: { token } }).catch(() => ({ payload: null }))).payload;
  const rows = await live.db.jwks.findMany({ select: { id: true, publicKey: true, alg: true } });
  if (rows.length === 0) return null;
  const keys = rows.map((row) => ({
    ...(JSON.parse(row.publicKey) as JWK),
    kid: row.id,
    ...(row.alg ? { alg: row.alg } : {}),
  }));
  const issuer = jwtIssuer(getPortico().env.publicUrl, live.tenant.slug);
  const verified = await jwtVerify(token, createLocalJWKSet({ keys }), { issuer }).catch(() => null);
  return verified?.payload ?? null;
}

async function verifyJwtToken(live: LiveTenant, token: string) {
  const claims = await verifyJwt(live, token);
  if (!claims?.sub) return null;
  const user = await live.db.user.findUnique({ where: { id: claims.sub }, select: USER_SELECT });
  return user ? { active: true as const, type: "jwt" as const, user: toApiUser(user), claims } : null;
}

export const VerifyTokenResult = z
  .union([
    z.object({
      active: z.literal(true),
      type: z.literal("session"),
      user: UserSchema,
      session: z.object({ id: z.string(), expiresAt: Timestamp }),
    }),
    z.object({
      active: z.literal(true),
      type: z.literal("jwt"),
      user: UserSchema,
      claims: z.record(z.string(), z.unknown()),
    }),
    z.object({ active: z.literal(false) }),
  ])
  .meta({ id: "VerifyTokenResult" });

export const TOKEN_OPERATIONS = [
  defineOperation({
    operationId: "verifyToken",
    method: "POST",
    path: "/tokens/verify",
    tag: "Tokens",
    summary: "Verify a session token or JWT",
    description:
      "Returns the user a token belongs to while it is valid: a session token (bearer token or session cookie value) or a JWT issued by the tenant. `active: false` otherwise.",
    scope: "users:read",
    body: z.strictObject({
      token: z.string({ error: "Send the token to verify." }).min(1, "Send the token to verify.").max(8192),
    }),
    errors: [413, 415, 422],
    requestExample: { token: "eyJhbGciOiJFZERTQSIsImtpZCI6Ij…" },
    success: { status: 200, description: "Whether the token is valid, and whose it is.", schema: VerifyTokenResult },
    run: async (ctx, { body }) =>
      (JWT_PATTERN.test(body.token)
        ? await verifyJwtToken(ctx.live, body.token)
        : await verifySessionToken(ctx.live, body.token)) ?? { active: false },
  }),
];
