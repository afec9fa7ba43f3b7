import { z } from "zod";
import type { AuthMethodDefinition } from "~/auth-methods/definition";
import type { SocialProviderId } from "./provider-ids";

/**
 * The social sign-in entries of the auth-method catalog: better-auth's built-in providers
 * and one generic OpenID Connect provider (better-auth's genericOAuth plugin, found by
 * discovery). Each has a public client id and a client secret kept in the tenant's
 * encrypted secrets. Browser-safe: the better-auth wiring is in options.server.ts.
 */

export { isSocialProviderId, SOCIAL_PROVIDER_IDS, type SocialProviderId } from "./provider-ids";

/** The secret setting every social entry has. */
export const CLIENT_SECRET = "clientSecret";

function defineSocialMethod<Shape extends z.ZodRawShape, const Public extends keyof Shape & string>(
  definition: Omit<
    AuthMethodDefinition<Shape, Public, typeof CLIENT_SECRET>,
    "category" | "dependsOn" | "enabledByDefault"
  >,
): AuthMethodDefinition<Shape, Public, typeof CLIENT_SECRET> {
  return { ...definition, category: "Social", dependsOn: [], enabledByDefault: false };
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`);

const clientId = text("Client ID", 500).default("");

const httpUrl = (label: string, example: string) =>
  text(label, 2000).refine(
    (value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value),
    `${label} must be a URL such as ${example}.`,
  );

const CLIENT_FIELDS = (idHint: string, secretHint: string) =>
  [
    { name: "clientId", label: "Client ID", kind: "text", hint: idHint },
    { name: CLIENT_SECRET, label: "Client secret", kind: "secret", hint: secretHint },
  ] as const;

export const SOCIAL_AUTH_METHODS = {
  google: defineSocialMethod({
    label: "Google",
    description:
      "“Continue with Google” on the hosted pages. Create an OAuth client (web application) in the Google Cloud console and add the callback URL below as an authorized redirect URI.",
    settings: z.object({ clientId }),
    fields: CLIENT_FIELDS("Ends in .apps.googleusercontent.com.", "From the same OAuth client."),
    publicSettings: [],
    secretSettings: [CLIENT_SECRET],
  }),
  github: defineSocialMethod({
    label: "GitHub",
    description:
      "“Continue with GitHub”. Register an OAuth app under GitHub → Settings → Developer settings, with the callback URL below as its authorization callback URL.",
    settings: z.object({ clientId }),
    fields: CLIENT_FIELDS("The OAuth app's client ID.", "Generate one on the OAuth app's page."),
    publicSettings: [],
    secretSettings: [CLIENT_SECRET],
  }),
  microsoft: defineSocialMethod({
    label: "Microsoft",
    description:
      "“Continue with Microsoft” for work, school and personal accounts (Microsoft Entra ID). Register an app with the callback URL below as a web redirect URI.",
    settings: z.object({
      clientId,
      tenantId: text("Directory (tenant) ID", 100)
        .refine(
          (value) => value === "" || /^[A-Za-z0-9.-]+$/.test(value),
          "Use common, organizations, consumers or a tenant ID.",
        )
        .default("common"),
    }),
    fields: [
      ...CLIENT_FIELDS("The application (client) ID.", "A client secret value from Certificates & secrets."),
      {
        name: "tenantId",
        label: "Directory (tenant) ID",
        kind: "text",
        hint: "common (any account), organizations, consumers, or your directory's ID.",
      },
    ],
    publicSettings: [],
    secretSettings: [CLIENT_SECRET],
  }),
  apple: defineSocialMethod({
    label: "Apple",
    description:
      "“Continue with Apple”. Create a Services ID with Sign in with Apple, and add the callback URL below as a return URL.",
    settings: z.object({ clientId }),
    fields: CLIENT_FIELDS(
      "The Services ID, e.g. com.example.signin.",
      "The client secret JWT signed with your Sign in with Apple key (valid up to six months).",
    ),
    publicSettings: [],
    secretSettings: [CLIENT_SECRET],
  }),
  discord: defineSocialMethod({
    label: "Discord",
    description:
      "“Continue with Discord”. Create an application in the Discord developer portal and add the callback URL below under OAuth2 → Redirects.",
    settings: z.object({ clientId }),
    fields: CLIENT_FIELDS("The application's client ID.", "OAuth2 → Client secret."),
    publicSettings: [],
    secretSettings: [CLIENT_SECRET],
  }),
  gitlab: defineSocialMethod({
    label: "GitLab",
    description:
      "“Continue with GitLab”, on gitlab.com or your own GitLab. Create an application with the scopes read_user and openid and the callback URL below as its redirect URI.",
    settings: z.object({ clientId, issuer: httpUrl("GitLab URL", "https://gitlab.com").default("https://gitlab.com") }),
    fields: [
      ...CLIENT_FIELDS("The application ID.", "The application's secret."),
      { name: "issuer", label: "GitLab URL", kind: "text", hint: "https://gitlab.com, or your own instance." },
    ],
    publicSettings: [],
    secretSettings: [CLIENT_SECRET],
  }),
  oidc: defineSocialMethod({
    label: "OpenID Connect",
    description:
      "Any OpenID Connect provider (Okta, Auth0, Keycloak, Authentik, Azure AD B2C, …), found through its discovery document. Register a client with the callback URL below as its redirect URI.",
    settings: z.object({
      displayName: text("Button name", 60).min(1, "Enter the name shown on the button.").default("Single sign-on"),
      discoveryUrl: httpUrl("Discovery URL", "https://idp.example.com/.well-known/openid-configuration").default(""),
      clientId,
      scopes: text("Scopes", 500)
        .refine((value) => /^[\w:./-]+( [\w:./-]+)*$/.test(value), "Scopes are words separated by spaces.")
        .default("openid email profile"),
    }),
    fields: [
      { name: "displayName", label: "Button name", kind: "text", hint: "Shown as “Continue with …”." },
      {
        name: "discoveryUrl",
        label: "Discovery URL",
        kind: "text",
        hint: "The issuer's /.well-known/openid-configuration.",
      },
      ...CLIENT_FIELDS("The client ID the provider gave you.", "The client's secret."),
      { name: "scopes", label: "Scopes", kind: "text", hint: "Separated by spaces; openid email profile is usual." },
    ],
    publicSettings: ["displayName"],
    secretSettings: [CLIENT_SECRET],
  }),
};

/** The catalog label of a provider, or the button name the tenant chose for its OIDC provider. */
export function socialProviderName(id: SocialProviderId, settings?: { displayName?: string }): string {
  if (id === "oidc") return settings?.displayName || SOCIAL_AUTH_METHODS.oidc.label;
  return SOCIAL_AUTH_METHODS[id].label;
}

/** Where a provider sends users back to (register it with the provider), for a tenant's auth base URL. */
export function socialCallbackUrl(authBaseUrl: string, id: SocialProviderId): string {
  return `${authBaseUrl}/callback/${id}`;
}
