import { z } from "zod";
import type { AuthMethodDefinition } from "~/auth-methods/definition";

/**
 * The `jwt` entry of the auth-method catalog: short-lived JWTs (better-auth's jwt plugin)
 * that a tenant's backends verify against `/t/<slug>/.well-known/jwks.json`. Browser-safe;
 * the better-auth wiring is in plugin.server.ts.
 */
export const JWT_ALGORITHMS = ["EdDSA", "ES256", "RS256", "PS256"] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

function defineJwtMethod<Shape extends z.ZodRawShape, const Public extends keyof Shape & string>(
  definition: AuthMethodDefinition<Shape, Public>,
) {
  return definition;
}

export const JWT_AUTH_METHOD = defineJwtMethod({
  label: "JWT and JWKS",
  description:
    "Signed-in users get short-lived JWTs (GET /api/auth/token, the widgets' getToken()) that your backends verify locally against the tenant's JWKS at /.well-known/jwks.json. The issuer is the tenant's URL (https://<host>/t/<slug>); rotating keys keeps the old ones published until the tokens they signed have expired.",
  category: "Tokens & sessions",
  dependsOn: [],
  enabledByDefault: true,
  settings: z.object({
    expirationMinutes: wholeNumber("Token lifetime", 1, 24 * 60).default(15),
    algorithm: z.enum(JWT_ALGORITHMS, { error: "Choose EdDSA, ES256, RS256 or PS256." }).default("EdDSA"),
    audience: z
      .string({ error: "Audience must be text." })
      .trim()
      .max(200, "Audience must be at most 200 characters.")
      .default(""),
    rotationDays: wholeNumber("Automatic rotation", 0, 365).default(0),
  }),
  fields: [
    { name: "expirationMinutes", label: "Token lifetime (minutes)", kind: "number", hint: "1 to 1440. Default 15." },
    {
      name: "algorithm",
      label: "Signing algorithm",
      kind: "select",
      options: [
        { value: "EdDSA", label: "EdDSA (Ed25519), recommended" },
        { value: "ES256", label: "ES256 (P-256)" },
        { value: "RS256", label: "RS256 (RSA)" },
        { value: "PS256", label: "PS256 (RSA-PSS)" },
      ],
      hint: "Changing it signs new tokens with a new key; the old key stays published.",
    },
    {
      name: "audience",
      label: "Audience (aud)",
      kind: "text",
      hint: "Empty: the tenant's URL, like the issuer. Your backends check it.",
    },
    {
      name: "rotationDays",
      label: "Rotate signing keys every (days)",
      kind: "number",
      hint: "0: only when you rotate them (npm run tenant -- rotate-jwt-keys <slug>).",
    },
  ],
  publicSettings: ["algorithm"],
  secretSettings: [],
});
