import type { BetterAuthPlugin } from "better-auth";
import type { AuthMethodContext } from "~/auth-methods/method-context";
import { bearer, multiSession, organization, username } from "better-auth/plugins";
import { AUTH_METHOD_IDS, type AuthMethodId, type AuthMethodSettings } from "~/auth-methods/catalog";
import { tenantPasskeyPlugin } from "~/auth-methods/passkeys/plugin.server";
import { tenantTwoFactorPlugin } from "~/auth-methods/two-factor/plugin.server";
import { tenantJwtPlugin } from "~/jwt/plugin.server";
import { issuerFollowsCustomDomain } from "~/oauth-provider/issuer.server";
import { tenantOAuthProviderPlugin } from "~/oauth-provider/plugin.server";
import { invitationLink, organizationAccessOptions, organizationLeaveEvents } from "~/organizations/plugin.server";
import type { TenantConfig } from "~/tenancy/config";
import { socialProviderOptions } from "~/auth-methods/social/options.server";
import { emailOtpPlugin, magicLinkPlugin } from "~/email/passwordless.server";
import { phoneNumberOptions } from "~/sms/phone-number.server";
import type { SocialProviders } from "better-auth/social-providers";

/** A method's part of the tenant's better-auth options. */
export type AuthMethodContribution = {
  emailAndPassword?: EmailAndPasswordOptions;
  plugins?: BetterAuthPlugin[];
  /** better-auth's built-in OAuth providers (a top-level option, not a plugin). */
  socialProviders?: SocialProviders;
};

type AuthMethodsConfig = TenantConfig["authMethods"];

type EmailAndPasswordOptions = {
  minPasswordLength: number;
  maxPasswordLength: number;
  requireEmailVerification: boolean;
  revokeSessionsOnPasswordReset: boolean;
};

/** From each enabled method's settings to better-auth options, one function per catalog entry. */
const TO_BETTER_AUTH: {
  [Id in AuthMethodId]: (
    settings: AuthMethodSettings<Id>,
    methods: AuthMethodsConfig,
    context: AuthMethodContext,
  ) => AuthMethodContribution;
} = {
  // Its emails (verification, reset, notices) are wired in app/email/auth-emails.server.ts.
  emailPassword: (settings) => ({
    emailAndPassword: {
      minPasswordLength: settings.minPasswordLength,
      maxPasswordLength: settings.maxPasswordLength,
      requireEmailVerification: settings.requireEmailVerification,
      revokeSessionsOnPasswordReset: settings.revokeSessionsOnPasswordReset,
    },
  }),
  username: ({ minUsernameLength, maxUsernameLength }) => ({
    plugins: [username({ minUsernameLength, maxUsernameLength })],
  }),
  organizations: (settings, methods, { tenant, publicUrl, sendEmail, onEvent }) => ({
    plugins: [
      organization({
        // Built-in and per-organization custom roles, and membership events (app/organizations).
        ...organizationAccessOptions(onEvent),
        allowUserToCreateOrganization: settings.allowUserToCreateOrganization,
        organizationLimit: settings.organizationLimit,
        membershipLimit: settings.membershipLimit,
        invitationExpiresIn: settings.invitationExpiresInHours * 60 * 60,
        // Teams are an option of the organization plugin rather than a plugin of their own.
        teams: methods.teams.enabled
          ? {
              enabled: true,
              maximumTeams: methods.teams.maximumTeams,
              maximumMembersPerTeam: methods.teams.maximumMembersPerTeam,
            }
          : { enabled: false },
        sendInvitationEmail: async ({ id, email, organization: org, inviter }, request) =>
          sendEmail({
            to: email,
            request,
            template: "organizationInvitation",
            props: {
              url: invitationLink(publicUrl, tenant.slug, id),
              inviterName: inviter.user.name,
              inviterEmail: inviter.user.email,
              organizationName: org.name,
              expiresInHours: settings.invitationExpiresInHours,
            },
          }),
      }),
      organizationLeaveEvents(onEvent),
    ],
  }),
  // Wired by the organizations entry above.
  teams: () => ({}),
  multiSession: ({ maximumSessions }) => ({ plugins: [multiSession({ maximumSessions })] }),
  bearer: ({ requireSignature }) => ({ plugins: [bearer({ requireSignature })] }),
  // The OAuth provider's requests on a custom domain have that domain as issuer (decision 0024).
  jwt: (settings, _methods, { publicUrl, tenant, db }) => ({
    plugins: [issuerFollowsCustomDomain(tenantJwtPlugin(settings, { publicUrl, slug: tenant.slug, db }))],
  }),
  // Needs the jwt entry (its dependency): tokens are signed with the tenant's keys.
  oauthProvider: (settings, methods, context) => ({
    plugins: tenantOAuthProviderPlugin(settings, { ...context, organizations: methods.organizations.enabled }),
  }),
  magicLink: (settings, _methods, context) => ({ plugins: [magicLinkPlugin(settings, context)] }),
  emailOtp: (settings, _methods, context) => ({ plugins: [emailOtpPlugin(settings, context)] }),
  phoneNumber: (settings, _methods, context) => ({ plugins: [phoneNumberOptions(settings, context)] }),
  google: (settings, _methods, context) => socialProviderOptions("google", settings, context),
  github: (settings, _methods, context) => socialProviderOptions("github", settings, context),
  microsoft: (settings, _methods, context) => socialProviderOptions("microsoft", settings, context),
  apple: (settings, _methods, context) => socialProviderOptions("apple", settings, context),
  discord: (settings, _methods, context) => socialProviderOptions("discord", settings, context),
  gitlab: (settings, _methods, context) => socialProviderOptions("gitlab", settings, context),
  oidc: (settings, _methods, context) => socialProviderOptions("oidc", settings, context),
  passkey: (_settings, _methods, context) => ({ plugins: [tenantPasskeyPlugin(context)] }),
  twoFactor: (settings, _methods, context) => ({ plugins: [tenantTwoFactorPlugin(settings, context)] }),
};

/**
 * The better-auth options of every enabled method. Email+password is always described (as
 * disabled when off) because better-auth enables nothing by default but must refuse it.
 */
export function authMethodsOptions(methods: AuthMethodsConfig, context: AuthMethodContext) {
  const plugins: BetterAuthPlugin[] = [];
  const socialProviders: SocialProviders = {};
  const emailAndPassword: { enabled: boolean } & Partial<EmailAndPasswordOptions> = {
    enabled: methods.emailPassword.enabled,
  };
  for (const id of AUTH_METHOD_IDS) {
    if (!methods[id].enabled) continue;
    const build = TO_BETTER_AUTH[id] as (
      settings: AuthMethodsConfig[AuthMethodId],
      methods: AuthMethodsConfig,
      context: AuthMethodContext,
    ) => AuthMethodContribution;
    const contribution = build(methods[id], methods, context);
    if (contribution.emailAndPassword) Object.assign(emailAndPassword, contribution.emailAndPassword);
    plugins.push(...(contribution.plugins ?? []));
    Object.assign(socialProviders, contribution.socialProviders);
  }
  return { emailAndPassword, plugins, socialProviders };
}
