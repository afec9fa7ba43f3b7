/** The social sign-in providers Portico offers (each an auth method in the catalog). */
export const SOCIAL_PROVIDER_IDS = ["google", "github", "microsoft", "apple", "discord", "gitlab", "oidc"] as const;
export type SocialProviderId = (typeof SOCIAL_PROVIDER_IDS)[number];

export function isSocialProviderId(value: unknown): value is SocialProviderId {
  return typeof value === "string" && (SOCIAL_PROVIDER_IDS as readonly string[]).includes(value);
}
