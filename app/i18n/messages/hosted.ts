import { defineMessages } from "../define";
import { fr } from "./fr/hosted";
import { es } from "./es/hosted";
import { ptBR } from "./pt-BR/hosted";
import { it } from "./it/hosted";
import { nl } from "./nl/hosted";
import { pl } from "./pl/hosted";
import { tr } from "./tr/hosted";
import { ja } from "./ja/hosted";
import { ko } from "./ko/hosted";
import { zhCN } from "./zh-CN/hosted";
import { ar } from "./ar/hosted";
import { he } from "./he/hosted";

/**
 * The hosted pages' own copy (/t/:tenant/*) and the errors their forms show. The theme's copy
 * overrides may replace the `*.title`, `*.subtitle` and `*.submit` keys.
 */
export const hosted = defineMessages({
  en: {
    "signIn.title": "Sign in",
    "signIn.subtitle": "Welcome back. Sign in to continue.",
    "signIn.submit": "Sign in",
    "signIn.passwordChanged": "Your password was changed. Sign in with your new password.",
    "signIn.forgotPassword": "Forgot password?",
    "signIn.noAccount": "No account yet?",
    "signIn.signUpLink": "Sign up",

    "signUp.title": "Create your account",
    "signUp.subtitle": "It takes less than a minute.",
    "signUp.submit": "Create account",
    "signUp.invited": "You were invited to {organization}.",
    "signUp.name": "Name",
    "signUp.passwordHint": "At least {min, plural, one {# character} other {# characters}}.",
    "signUp.passwordHintCommon":
      "At least {min, plural, one {# character} other {# characters}}. Common passwords are not accepted.",
    "signUp.passwordHintStrength": "Avoid names and common words; a few unrelated words work well.",
    "signUp.passwordHintBreached": "Passwords found in known data breaches are not accepted.",
    "botCheck.working": "Checking that this is not an automated sign-up…",
    "strength.label": "Strength: {level}",
    "strength.0": "very weak",
    "strength.1": "weak",
    "strength.2": "fair",
    "strength.3": "good",
    "strength.4": "strong",
    "botCheck.done": "Check complete.",
    "botCheck.noScript": "Without JavaScript, only a few attempts per hour are possible from your network.",
    "signUp.haveAccount": "Already have an account?",
    "signUp.signInLink": "Sign in",
    "signUp.closedTitle": "Sign-up is closed",
    "signUp.closedText": "New accounts are created by an administrator. If you already have an account, sign in.",
    "signUp.inviteOnlyTitle": "Sign-up is by invitation only",
    "signUp.inviteOnlyText":
      "Open the link in your invitation email to create your account. If you already have an account, sign in.",
    "signUp.unavailableTitle": "Sign-up is not available",
    "signUp.unavailableText": "This app does not offer sign-up with an email address and password.",

    "forgotPassword.title": "Forgot your password?",
    "forgotPassword.subtitle": "Enter your email and we will send you a link to choose a new one.",
    "forgotPassword.submit": "Send reset link",
    "forgotPassword.sent":
      "If an account exists for {email}, we sent it a link to choose a new password. The link works once and expires in an hour.",
    "forgotPassword.backToSignIn": "Back to sign in",

    "resetPassword.title": "Choose a new password",
    "resetPassword.subtitle": "Use at least {min, plural, one {# character} other {# characters}}.",
    "resetPassword.submit": "Set new password",
    "resetPassword.newPassword": "New password",
    "resetPassword.confirmPassword": "Confirm new password",
    "resetPassword.invalidTitle": "This link no longer works",
    "resetPassword.invalidText":
      "This password reset link is invalid, has expired or was already used. Each link works once, for an hour.",
    "resetPassword.askAgain": "Send a new link",

    "account.title": "Your account",
    "account.name": "Name",
    "account.memberSince": "Member since",
    "account.signOut": "Sign out",
    "account.impersonatedAs": "You are signed in as {email} by an administrator.",
    "account.impersonationEnds": "This impersonation session ends at {until, datetime} at the latest.",
    "account.endImpersonation": "End impersonation",

    "errors.required": "Fill in this field.",
    "errors.nameRequired": "Enter your name.",
    "errors.emailRequired": "Enter your email address.",
    "errors.passwordRequired": "Enter your password.",
    "errors.emailInvalid": "Enter a valid email address, like name@example.com.",
    "errors.emailTooLong": "That email address is too long.",
    "errors.tooShort": "Use at least {min, plural, one {# character} other {# characters}}.",
    "errors.tooLong": "Use at most {max, plural, one {# character} other {# characters}}.",
    "errors.passwordTooLong": "That password is too long.",
    "errors.passwordTooCommon":
      "This password is one of the most common passwords. Choose one that is harder to guess.",
    "errors.passwordTooWeak":
      "This password is too easy to guess. Use a longer one, for example a few unrelated words.",
    "errors.passwordBreached": "This password appears in known data breaches. Choose a different one.",
    "errors.botCheckFailed":
      "We could not confirm that this request came from a person. Reload the page and try again.",
    "errors.botCheckExpired": "The page was open too long. Send the form again.",
    "errors.botCheckBudget":
      "Too many attempts without JavaScript from your network. Turn on JavaScript or try again in 15 minutes.",
    "errors.passwordsDoNotMatch": "The two passwords do not match.",
    "errors.emailTaken": "An account with this email already exists. Sign in instead.",
    "errors.signUpClosed": "Sign-up is closed. Ask an administrator to create your account.",
    "errors.signUpInviteOnly": "Sign-up is by invitation only. Use the email address your invitation was sent to.",
    "errors.untrustedForm": "This form was sent from a page we do not trust. Reload the page and try again.",
    "errors.resetLinkIncomplete": "This reset link is incomplete. Ask for a new one.",
    "errors.resetLinkInvalid": "This reset link is invalid, has expired or was already used. Ask for a new one.",
    "errors.accountSuspended": "Your account is suspended.",
    "errors.accountSuspendedUntil": "Your account is suspended until {until, datetime}.",
    "errors.accountSuspendedReason": "Your account is suspended. Reason: {reason}",
    "errors.accountSuspendedUntilReason": "Your account is suspended until {until, datetime}. Reason: {reason}",
    "errors.generic": "We could not complete that. Please try again.",
  },
  de: {
    "signIn.title": "Anmelden",
    "signIn.subtitle": "Willkommen zurück. Melden Sie sich an, um fortzufahren.",
    "signIn.submit": "Anmelden",
    "signIn.passwordChanged": "Ihr Passwort wurde geändert. Melden Sie sich mit Ihrem neuen Passwort an.",
    "signIn.forgotPassword": "Passwort vergessen?",
    "signIn.noAccount": "Noch kein Konto?",
    "signIn.signUpLink": "Registrieren",

    "signUp.title": "Konto erstellen",
    "signUp.subtitle": "Das dauert weniger als eine Minute.",
    "signUp.submit": "Konto erstellen",
    "signUp.invited": "Sie wurden zu {organization} eingeladen.",
    "signUp.name": "Name",
    "signUp.passwordHint": "Mindestens {min} Zeichen.",
    "signUp.passwordHintCommon": "Mindestens {min} Zeichen. Häufig verwendete Passwörter werden nicht akzeptiert.",
    "signUp.passwordHintStrength":
      "Vermeiden Sie Namen und gängige Wörter; einige unzusammenhängende Wörter eignen sich gut.",
    "signUp.passwordHintBreached": "Passwörter aus bekannten Datenlecks werden nicht akzeptiert.",
    "botCheck.working": "Wir prüfen, dass dies keine automatisierte Anfrage ist …",
    "strength.label": "Stärke: {level}",
    "strength.0": "sehr schwach",
    "strength.1": "schwach",
    "strength.2": "mittel",
    "strength.3": "gut",
    "strength.4": "stark",
    "botCheck.done": "Prüfung abgeschlossen.",
    "botCheck.noScript": "Ohne JavaScript sind aus Ihrem Netzwerk nur wenige Versuche pro Stunde möglich.",
    "signUp.haveAccount": "Sie haben bereits ein Konto?",
    "signUp.signInLink": "Anmelden",
    "signUp.closedTitle": "Die Registrierung ist geschlossen",
    "signUp.closedText":
      "Neue Konten werden von einer Administratorin oder einem Administrator angelegt. Wenn Sie bereits ein Konto haben, melden Sie sich an.",
    "signUp.inviteOnlyTitle": "Registrierung nur auf Einladung",
    "signUp.inviteOnlyText":
      "Öffnen Sie den Link in Ihrer Einladungs-E-Mail, um Ihr Konto zu erstellen. Wenn Sie bereits ein Konto haben, melden Sie sich an.",
    "signUp.unavailableTitle": "Registrierung nicht verfügbar",
    "signUp.unavailableText": "Diese App bietet keine Registrierung mit E-Mail-Adresse und Passwort an.",

    "forgotPassword.title": "Passwort vergessen?",
    "forgotPassword.subtitle":
      "Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.",
    "forgotPassword.submit": "Link zum Zurücksetzen senden",
    "forgotPassword.sent":
      "Falls ein Konto für {email} existiert, haben wir einen Link zum Wählen eines neuen Passworts gesendet. Der Link funktioniert einmal und läuft nach einer Stunde ab.",
    "forgotPassword.backToSignIn": "Zurück zur Anmeldung",

    "resetPassword.title": "Neues Passwort wählen",
    "resetPassword.subtitle": "Verwenden Sie mindestens {min} Zeichen.",
    "resetPassword.submit": "Neues Passwort speichern",
    "resetPassword.newPassword": "Neues Passwort",
    "resetPassword.confirmPassword": "Neues Passwort bestätigen",
    "resetPassword.invalidTitle": "Dieser Link funktioniert nicht mehr",
    "resetPassword.invalidText":
      "Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder wurde bereits verwendet. Jeder Link funktioniert einmal, eine Stunde lang.",
    "resetPassword.askAgain": "Neuen Link anfordern",

    "account.title": "Ihr Konto",
    "account.name": "Name",
    "account.memberSince": "Mitglied seit",
    "account.signOut": "Abmelden",
    "account.impersonatedAs": "Sie sind von einer Administratorin oder einem Administrator als {email} angemeldet.",
    "account.impersonationEnds": "Diese Sitzung endet spätestens am {until, datetime}.",
    "account.endImpersonation": "Sitzung als Benutzer beenden",

    "errors.required": "Füllen Sie dieses Feld aus.",
    "errors.nameRequired": "Geben Sie Ihren Namen ein.",
    "errors.emailRequired": "Geben Sie Ihre E-Mail-Adresse ein.",
    "errors.passwordRequired": "Geben Sie Ihr Passwort ein.",
    "errors.emailInvalid": "Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.com.",
    "errors.emailTooLong": "Diese E-Mail-Adresse ist zu lang.",
    "errors.tooShort": "Verwenden Sie mindestens {min} Zeichen.",
    "errors.tooLong": "Verwenden Sie höchstens {max} Zeichen.",
    "errors.passwordTooLong": "Dieses Passwort ist zu lang.",
    "errors.passwordTooCommon":
      "Dieses Passwort gehört zu den am häufigsten verwendeten. Wählen Sie eines, das schwerer zu erraten ist.",
    "errors.passwordTooWeak":
      "Dieses Passwort ist zu leicht zu erraten. Verwenden Sie ein längeres, zum Beispiel einige unzusammenhängende Wörter.",
    "errors.passwordBreached": "Dieses Passwort ist aus bekannten Datenlecks bekannt. Wählen Sie ein anderes.",
    "errors.botCheckFailed":
      "Wir konnten nicht bestätigen, dass diese Anfrage von einem Menschen kommt. Laden Sie die Seite neu und versuchen Sie es erneut.",
    "errors.botCheckExpired": "Die Seite war zu lange geöffnet. Senden Sie das Formular erneut.",
    "errors.botCheckBudget":
      "Zu viele Versuche ohne JavaScript aus Ihrem Netzwerk. Aktivieren Sie JavaScript oder versuchen Sie es in 15 Minuten erneut.",
    "errors.passwordsDoNotMatch": "Die beiden Passwörter stimmen nicht überein.",
    "errors.emailTaken": "Für diese E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich stattdessen an.",
    "errors.signUpClosed":
      "Die Registrierung ist geschlossen. Bitten Sie eine Administratorin oder einen Administrator, Ihr Konto anzulegen.",
    "errors.signUpInviteOnly":
      "Registrierung nur auf Einladung. Verwenden Sie die E-Mail-Adresse, an die Ihre Einladung gesendet wurde.",
    "errors.untrustedForm":
      "Dieses Formular wurde von einer Seite gesendet, der wir nicht vertrauen. Laden Sie die Seite neu und versuchen Sie es erneut.",
    "errors.resetLinkIncomplete": "Dieser Link zum Zurücksetzen ist unvollständig. Fordern Sie einen neuen an.",
    "errors.resetLinkInvalid":
      "Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.",
    "errors.accountSuspended": "Ihr Konto ist gesperrt.",
    "errors.accountSuspendedUntil": "Ihr Konto ist bis {until, datetime} gesperrt.",
    "errors.accountSuspendedReason": "Ihr Konto ist gesperrt. Grund: {reason}",
    "errors.accountSuspendedUntilReason": "Ihr Konto ist bis {until, datetime} gesperrt. Grund: {reason}",
    "errors.generic": "Das hat nicht geklappt. Bitte versuchen Sie es erneut.",
  },
  // Every other locale: ./<locale>/hosted.ts.
  fr,
  es,
  "pt-BR": ptBR,
  it,
  nl,
  pl,
  tr,
  ja,
  ko,
  "zh-CN": zhCN,
  ar,
  he,
});
