import type { BetterAuthPlugin } from "better-auth";
import { bearer, multiSession, organization, username } from "better-auth/plugins";
import { AUTH_METHOD_IDS, type AuthMethodId, type AuthMethodSettings } from "~/auth-methods/catalog";
import type { TenantConfig } from "~/tenancy/config";

/** What a method's better-auth wiring may use besides its own settings. */
export type AuthMethodContext = {
  tenant: { slug: string; name: string };
  publicUrl: URL;
  /** Sends one of the tenant's auth emails through the outbox. */
  sendEmail: (email: { to: string; subject: string; text: string }) => Promise<void>;
};

/** A method's part of the tenant's better-auth options. */
export type AuthMethodContribution = {
  emailAndPassword?: { minPasswordLength: number; maxPasswordLength: number };
  plugins?: BetterAuthPlugin[];
};

type AuthMethodsConfig = TenantConfig["authMethods"];

/** From each enabled method's settings to better-auth options, one function per catalog entry. */
const TO_BETTER_AUTH: {
  [Id in AuthMethodId]: (
    settings: AuthMethodSettings<Id>,
    methods: AuthMethodsConfig,
    context: AuthMethodContext,
  ) => AuthMethodContribution;
} = {
  emailPassword: ({ minPasswordLength, maxPasswordLength }) => ({
    emailAndPassword: { minPasswordLength, maxPasswordLength },
  }),
  username: ({ minUsernameLength, maxUsernameLength }) => ({
    plugins: [username({ minUsernameLength, maxUsernameLength })],
  }),
  organizations: (settings, methods, { tenant, publicUrl, sendEmail }) => ({
    plugins: [
      organization({
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
        sendInvitationEmail: async ({ id, email, organization: org, inviter }) =>
          sendEmail({
            to: email,
            subject: `${inviter.user.name} invited you to ${org.name}`,
            text: `${inviter.user.name} (${inviter.user.email}) invited you to join ${org.name} on ${tenant.name}.\n\nCreate your account with this email address: ${publicUrl.origin}/t/${tenant.slug}/sign-up?invitation=${encodeURIComponent(id)}\n\nThe invitation expires in ${settings.invitationExpiresInHours} hours.`,
          }),
      }),
    ],
  }),
  // Wired by the organizations entry above.
  teams: () => ({}),
  multiSession: ({ maximumSessions }) => ({ plugins: [multiSession({ maximumSessions })] }),
  bearer: ({ requireSignature }) => ({ plugins: [bearer({ requireSignature })] }),
};

/**
 * The better-auth options of every enabled method. Email+password is always described (as
 * disabled when off) because better-auth enables nothing by default but must refuse it.
 */
export function authMethodsOptions(methods: AuthMethodsConfig, context: AuthMethodContext) {
  const plugins: BetterAuthPlugin[] = [];
  const emailAndPassword: { enabled: boolean; minPasswordLength?: number; maxPasswordLength?: number } = {
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
  }
  return { emailAndPassword, plugins };
}
