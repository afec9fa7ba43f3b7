import { z } from "zod";
import type { AuthMethodDefinition } from "~/auth-methods/definition";

/**
 * The `oauthProvider` entry of the auth-method catalog: the tenant as an OAuth 2.1 / OpenID
 * Connect authorization server for the customer's other applications and services
 * (docs/oidc-provider.md). Browser-safe; the better-auth wiring is in plugin.server.ts.
 */
const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

function defineOAuthProviderMethod<Shape extends z.ZodRawShape, const Public extends keyof Shape & string>(
  definition: AuthMethodDefinition<Shape, Public>,
) {
  return definition;
}

export const OAUTH_PROVIDER_AUTH_METHOD = defineOAuthProviderMethod({
  label: "OAuth 2.1 / OpenID Connect provider",
  description:
    "Your other applications sign users in with this tenant (“Sign in with …”: authorization code with PKCE, consent, refresh tokens, userinfo), and your services get tokens for each other with client credentials. Access tokens are short-lived JWTs signed with the tenant's keys. Register applications under OAuth clients.",
  category: "Tokens & sessions",
  // Tokens are signed, and verified by resource servers, with the tenant's JWKS.
  dependsOn: ["jwt"],
  enabledByDefault: false,
  settings: z.object({
    accessTokenMinutes: wholeNumber("Access token lifetime", 1, 60).default(10),
    idTokenMinutes: wholeNumber("ID token lifetime", 1, 24 * 60).default(60),
    refreshTokenDays: wholeNumber("Refresh token lifetime", 1, 365).default(30),
  }),
  fields: [
    {
      name: "accessTokenMinutes",
      label: "Access token lifetime (minutes)",
      kind: "number",
      hint: "1 to 60. Default 10. Applies to user and client-credentials tokens.",
    },
    { name: "idTokenMinutes", label: "ID token lifetime (minutes)", kind: "number", hint: "1 to 1440. Default 60." },
    {
      name: "refreshTokenDays",
      label: "Refresh token lifetime (days)",
      kind: "number",
      hint: "1 to 365. Default 30. Each use rotates it; reusing an old one revokes the whole chain.",
    },
  ],
  publicSettings: [],
  secretSettings: [],
});
