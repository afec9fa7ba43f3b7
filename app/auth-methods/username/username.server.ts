import { z } from "zod";
import { message, type Message } from "~/i18n/message";
import type { TenantConfig } from "~/tenancy/config";

/**
 * Usernames on the hosted pages (better-auth's username plugin): the sign-up field with the
 * tenant's length limits, the sign-in identifier that is an email or a username, and the
 * plugin's error codes as messages on the username field.
 */

export type UsernameSettings = { minLength: number; maxLength: number };

/** The tenant's username limits, or null when usernames are off. */
export function usernameSettings(config: TenantConfig): UsernameSettings | null {
  const { enabled, minUsernameLength, maxUsernameLength } = config.authMethods.username;
  return enabled ? { minLength: minUsernameLength, maxLength: maxUsernameLength } : null;
}

/** The plugin's default rule (letters, digits, underscores, dots), checked here first for a clear message. */
const USERNAME_PATTERN = /^[a-zA-Z0-9_.]+$/;

export function usernameField({ minLength, maxLength }: UsernameSettings) {
  return z
    .string()
    .trim()
    .min(1, "username.error.required")
    .min(minLength)
    .max(maxLength)
    .regex(USERNAME_PATTERN, "username.error.invalid");
}

/** Whether a sign-in identifier is a username (usernames on and no "@") rather than an email. */
export function isUsernameIdentifier(config: TenantConfig, identifier: string): boolean {
  return config.authMethods.username.enabled && identifier.trim() !== "" && !identifier.includes("@");
}

/** better-auth's username error codes as a message on the field they concern, or null for other codes. */
export function usernameError(
  code: string,
  settings: UsernameSettings,
): { field: "username" | "password"; message: Message } | null {
  switch (code) {
    case "USERNAME_IS_ALREADY_TAKEN":
      return { field: "username", message: message("username.error.taken") };
    case "USERNAME_TOO_SHORT":
      return { field: "username", message: message("errors.tooShort", { min: settings.minLength }) };
    case "USERNAME_TOO_LONG":
      return { field: "username", message: message("errors.tooLong", { max: settings.maxLength }) };
    case "INVALID_USERNAME":
      return { field: "username", message: message("username.error.invalid") };
    case "INVALID_USERNAME_OR_PASSWORD":
      return { field: "password", message: message("username.error.invalidCredentials") };
    default:
      return null;
  }
}
