/**
 * The widgets' own copy, English and German like the hosted pages (German in
 * messages.de.ts, loaded on demand). Kept here rather than imported from app/i18n so the
 * module stays within its size budget.
 */
const en = {
  signInTitle: "Sign in",
  signUpTitle: "Create your account",
  forgotTitle: "Reset your password",
  twoFactorTitle: "Two-factor authentication",
  emailCodeTitle: "Sign in with a code",
  magicLinkTitle: "Sign in with a link",
  name: "Name",
  email: "Email",
  password: "Password",
  newPassword: "New password",
  currentPassword: "Current password",
  code: "Code",
  backupCode: "Backup code",
  signIn: "Sign in",
  signUp: "Create account",
  sendLink: "Email me a sign-in link",
  sendCode: "Email me a code",
  sendReset: "Send reset link",
  verify: "Verify",
  passkey: "Sign in with a passkey",
  continueWith: "Continue with {provider}",
  noAccount: "No account yet?",
  haveAccount: "Already have an account?",
  forgot: "Forgot password?",
  back: "Back to sign in",
  useBackupCode: "Use a backup code",
  useAuthenticator: "Use your authenticator app",
  twoFactorHint: "Enter the 6-digit code from your authenticator app.",
  linkSent: "Check your inbox: we sent a link to {email}.",
  codeSent: "We sent a code to {email}.",
  resetSent: "If {email} has an account, a reset link is on its way.",
  signUpSent: "Check your inbox: we sent {email} what it needs to go on.",
  or: "or",
  account: "Manage account",
  signOut: "Sign out",
  signedInAs: "Signed in as {email}.",
  switchAccount: "Switch account",
  addAccount: "Add account",
  close: "Close",
  userMenu: "Account menu for {name}",
  profile: "Profile",
  save: "Save",
  saved: "Saved.",
  changePassword: "Change password",
  passwordChanged: "Password changed.",
  passkeys: "Passkeys",
  addPasskey: "Add a passkey",
  delete: "Delete",
  noPasskeys: "No passkeys yet.",
  twoFactor: "Two-factor authentication",
  twoFactorOn: "On",
  twoFactorOff: "Off",
  sessions: "Sessions",
  thisDevice: "This device",
  revoke: "Revoke",
  signedOutTitle: "You are signed out.",
  unknownDevice: "Unknown device",
  notConfigured: "This tenant has no sign-in method the widget can show.",
  retry: "Try again",
  yourData: "Your data",
  downloadData: "Download my data",
  deleteAccount: "Delete my account",
  deleteWarning:
    "This deletes your account, its sign-in methods and sessions for good. Enter your password to confirm.",
  deleteAccountConfirm: "Delete my account for good",
  deleteReauthenticate: "Sign in again (or enter your password), then delete your account.",
  accountDeleted: "Your account was deleted.",
} as const;

export type MessageKey = keyof typeof en;

const LOCALES = ["en", "de"] as const;
export type WidgetLocale = (typeof LOCALES)[number];
const loaded: Partial<Record<WidgetLocale, Record<MessageKey, string>>> = { en };

/** Loads a locale's copy (English is built in); resolves once `translate` can use it. */
export async function loadLocale(locale: WidgetLocale): Promise<void> {
  if (locale === "de" && !loaded.de) loaded.de = (await import("./messages.de")).de;
}

/** The element's `lang`, else the page's, else the browser's; English when none is offered. */
export function pickWidgetLocale(element: HTMLElement, offered?: readonly string[]): WidgetLocale {
  const candidates = [element.lang, document.documentElement.lang, ...navigator.languages];
  for (const candidate of candidates) {
    const language = candidate?.toLowerCase().split("-")[0];
    if (language && (LOCALES as readonly string[]).includes(language) && (!offered || offered.includes(language)))
      return language as WidgetLocale;
  }
  return "en";
}

export function translate(locale: WidgetLocale, key: MessageKey, params: Record<string, string> = {}): string {
  return (loaded[locale] ?? en)[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}
