import type { z } from "zod";
import { SOCIAL_PROVIDER_IDS } from "./social/provider-ids";

/**
 * What an auth method is (its id, category and the shape of its catalog entry), in a module of
 * its own so the entries defined elsewhere (social providers, JWT) can use it without importing
 * the catalog that lists them (catalog.ts).
 */
export const AUTH_METHOD_CATEGORIES = [
  "Passwords",
  "Passwordless",
  "Social",
  "Organizations",
  "Tokens & sessions",
  "Security",
] as const;
export type AuthMethodCategory = (typeof AUTH_METHOD_CATEGORIES)[number];

/** How the console renders one setting; the method's Zod schema is what validates it. */
export type SettingField<Name extends string> = {
  name: Name;
  label: string;
  hint?: string;
  /** "text" is a free string; "secret" is write-only and stored encrypted (see secretSettings). */
  kind: "number" | "boolean" | "text" | "secret" | "select";
  /** The choices of a "select" setting. */
  options?: readonly { value: string; label: string }[];
};

export type SettingsShape = z.ZodRawShape;

export const AUTH_METHOD_IDS = [
  "emailPassword",
  "username",
  "organizations",
  "teams",
  "multiSession",
  "bearer",
  "jwt",
  "oauthProvider",
  "magicLink",
  "emailOtp",
  "passkey",
  "twoFactor",
  "phoneNumber",
  ...SOCIAL_PROVIDER_IDS,
] as const;
export type AuthMethodId = (typeof AUTH_METHOD_IDS)[number];

export type AuthMethodDefinition<
  Shape extends SettingsShape = SettingsShape,
  Public extends keyof Shape & string = keyof Shape & string,
  Secret extends string = string,
> = {
  label: string;
  description: string;
  category: AuthMethodCategory;
  /** Methods that must be on for this one to work (teams need organizations). */
  dependsOn: readonly AuthMethodId[];
  enabledByDefault: boolean;
  settings: z.ZodObject<Shape>;
  /** Checks across fields (a minimum not above its maximum), reported on a field. */
  checkSettings?: (settings: z.infer<z.ZodObject<Shape>>) => { field: keyof Shape & string; message: string } | null;
  fields: readonly SettingField<(keyof Shape & string) | Secret>[];
  /** Settings a widget needs to render the method; published in config.json. */
  publicSettings: readonly Public[];
  /**
   * Settings stored encrypted in the tenant's secrets (named by authMethodSecretName), never in
   * its config: not part of `settings`, write-only in the console, never published.
   */
  secretSettings: readonly Secret[];
};
