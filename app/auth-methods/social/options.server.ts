import type { BetterAuthPlugin } from "better-auth";
import type { SocialProviders } from "better-auth/social-providers";
import { genericOAuth } from "better-auth/plugins";
import { authMethodSecretName, type AuthMethodSettings } from "~/auth-methods/catalog";
import type { SignUpMode } from "~/tenancy/config";
import { CLIENT_SECRET, socialProviderName, type SocialProviderId } from "~/auth-methods/social/catalog";

/** A social entry's part of the tenant's better-auth options. */
export type SocialContribution = { socialProviders?: SocialProviders; plugins?: BetterAuthPlugin[] };

type SocialContext = { secrets?: Readonly<Record<string, string>>; signUpMode?: SignUpMode };

/**
 * better-auth options for one enabled provider. A provider without its client id or secret is
 * left out (nothing to offer yet; the console says so), so a half-configured entry never
 * breaks the tenant. Sign-in through any provider links to an existing account only when the
 * provider says the email is verified (better-auth's account linking, see tenant-auth).
 */
export function socialProviderOptions<Id extends SocialProviderId>(
  id: Id,
  settings: AuthMethodSettings<Id>,
  { secrets = {}, signUpMode }: SocialContext,
): SocialContribution {
  // With invite-only or closed sign-up, providers only sign existing users in.
  const allowSignUp = signUpMode === "open";
  const clientSecret = secrets[authMethodSecretName(id, CLIENT_SECRET)] ?? "";
  const { clientId } = settings as { clientId: string };
  if (!clientId || !clientSecret) return {};
  const common = { clientId, clientSecret, disableSignUp: !allowSignUp };
  switch (id) {
    case "google":
    case "github":
    case "apple":
    case "discord":
      return { socialProviders: { [id]: common } };
    case "microsoft": {
      const { tenantId } = settings as AuthMethodSettings<"microsoft">;
      return { socialProviders: { microsoft: { ...common, tenantId: tenantId || "common" } } };
    }
    case "gitlab": {
      const { issuer } = settings as AuthMethodSettings<"gitlab">;
      return { socialProviders: { gitlab: { ...common, issuer: issuer.replace(/\/$/, "") || undefined } } };
    }
    case "oidc": {
      const oidc = settings as AuthMethodSettings<"oidc">;
      if (!oidc.discoveryUrl) return {};
      return {
        plugins: [
          genericOAuth({
            config: [
              {
                providerId: "oidc",
                name: socialProviderName("oidc", oidc),
                discoveryUrl: oidc.discoveryUrl,
                clientId,
                clientSecret,
                scopes: oidc.scopes.split(" "),
                pkce: true,
                disableSignUp: !allowSignUp,
              },
            ],
          }),
        ],
      };
    }
  }
  return {};
}
