import { defineMessages } from "../define";
import { fr } from "./fr/emails";
import { es } from "./es/emails";
import { ptBR } from "./pt-BR/emails";
import { it } from "./it/emails";
import { nl } from "./nl/emails";
import { pl } from "./pl/emails";
import { tr } from "./tr/emails";
import { ja } from "./ja/emails";
import { ko } from "./ko/emails";
import { zhCN } from "./zh-CN/emails";
import { ar } from "./ar/emails";
import { he } from "./he/emails";

/** The tenant's emails to its users (emails/*.tsx): subjects, bodies and the shared footer. */
export const emails = defineMessages({
  en: {
    "emails.greeting": "Hi {name},",
    "emails.greetingAnonymous": "Hi,",
    "emails.buttonFallback": "If the button does not work, copy this link into your browser:",
    "emails.ignore": "If you did not ask for this, you can ignore this email.",
    "emails.footer.sentBy": "This email was sent by {product}.",
    "emails.footer.terms": "Terms",
    "emails.footer.privacy": "Privacy",
    "emails.footer.support": "Support",
    "emails.logoAlt": "{product} logo",

    "emails.verifyEmail.subject": "Confirm your email address for {product}",
    "emails.verifyEmail.preview": "Confirm your email address to finish setting up your account.",
    "emails.verifyEmail.heading": "Confirm your email address",
    "emails.verifyEmail.body":
      "Confirm that {email} is your email address to finish setting up your {product} account.",
    "emails.verifyEmail.button": "Confirm email address",
    "emails.verifyEmail.expiry": "The link expires in {hours, plural, one {# hour} other {# hours}}.",

    "emails.resetPassword.subject": "Reset your {product} password",
    "emails.resetPassword.preview": "Choose a new password for your account.",
    "emails.resetPassword.heading": "Reset your password",
    "emails.resetPassword.body": "Someone asked to reset the password of your {product} account ({email}).",
    "emails.resetPassword.button": "Choose a new password",
    "emails.resetPassword.expiry":
      "The link works once and expires in {minutes, plural, one {# minute} other {# minutes}}.",

    "emails.magicLink.subject": "Your {product} sign-in link",
    "emails.magicLink.preview": "Sign in with one click.",
    "emails.magicLink.heading": "Sign in to {product}",
    "emails.magicLink.body": "Use this link to sign in as {email}.",
    "emails.magicLink.button": "Sign in",
    "emails.magicLink.expiry":
      "The link works once and expires in {minutes, plural, one {# minute} other {# minutes}}.",

    "emails.oneTimeCode.subject": "{code} is your {product} code",
    "emails.oneTimeCode.preview": "Your one-time sign-in code.",
    "emails.oneTimeCode.heading": "Your sign-in code",
    "emails.oneTimeCode.body": "Enter this code to sign in as {email}:",
    "emails.oneTimeCode.expiry":
      "The code works once and expires in {minutes, plural, one {# minute} other {# minutes}}. Never share it with anyone.",

    "emails.organizationInvitation.subject": "{inviter} invited you to {organization}",
    "emails.organizationInvitation.preview": "Join {organization} on {product}.",
    "emails.organizationInvitation.heading": "Join {organization}",
    "emails.organizationInvitation.body": "{inviter} ({inviterEmail}) invited you to join {organization} on {product}.",
    "emails.organizationInvitation.button": "Accept the invitation",
    "emails.organizationInvitation.expiry": "The invitation expires in {hours, plural, one {# hour} other {# hours}}.",

    "emails.welcome.subject": "Welcome to {product}",
    "emails.welcome.preview": "Your account is ready.",
    "emails.welcome.heading": "Welcome to {product}",
    "emails.welcome.body": "Your account for {email} is ready. You can manage it at any time from your account page.",
    "emails.welcome.button": "Open your account",

    "emails.newSignIn.subject": "New sign-in to your {product} account",
    "emails.newSignIn.preview": "We noticed a sign-in from a new device.",
    "emails.newSignIn.heading": "New sign-in from an unknown device",
    "emails.newSignIn.body":
      "Your {product} account ({email}) was just signed in to from a device we have not seen before.",
    "emails.newSignIn.when": "When",
    "emails.newSignIn.device": "Device",
    "emails.newSignIn.ip": "IP address",
    "emails.newSignIn.unknown": "Unknown",
    "emails.newSignIn.notYou":
      "If this was you, there is nothing to do. If it was not, reset your password now: it signs out every device.",
    "emails.newSignIn.button": "Reset your password",

    "emails.passwordChanged.subject": "Your {product} password was changed",
    "emails.passwordChanged.preview": "Your password was just changed.",
    "emails.passwordChanged.heading": "Your password was changed",
    "emails.passwordChanged.body": "The password of your {product} account ({email}) was changed on {when}.",
    "emails.passwordChanged.notYou": "If you did not do this, reset your password now and contact support.",
    "emails.passwordChanged.button": "Reset your password",
  },
  de: {
    "emails.greeting": "Hallo {name},",
    "emails.greetingAnonymous": "Hallo,",
    "emails.buttonFallback": "Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:",
    "emails.ignore": "Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren.",
    "emails.footer.sentBy": "Diese E-Mail wurde von {product} gesendet.",
    "emails.footer.terms": "Nutzungsbedingungen",
    "emails.footer.privacy": "Datenschutz",
    "emails.footer.support": "Hilfe",
    "emails.logoAlt": "Logo von {product}",

    "emails.verifyEmail.subject": "Bestätigen Sie Ihre E-Mail-Adresse für {product}",
    "emails.verifyEmail.preview": "Bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto fertig einzurichten.",
    "emails.verifyEmail.heading": "Bestätigen Sie Ihre E-Mail-Adresse",
    "emails.verifyEmail.body":
      "Bestätigen Sie, dass {email} Ihre E-Mail-Adresse ist, um Ihr Konto bei {product} fertig einzurichten.",
    "emails.verifyEmail.button": "E-Mail-Adresse bestätigen",
    "emails.verifyEmail.expiry": "Der Link läuft in {hours, plural, one {# Stunde} other {# Stunden}} ab.",

    "emails.resetPassword.subject": "Setzen Sie Ihr Passwort für {product} zurück",
    "emails.resetPassword.preview": "Wählen Sie ein neues Passwort für Ihr Konto.",
    "emails.resetPassword.heading": "Passwort zurücksetzen",
    "emails.resetPassword.body":
      "Jemand hat angefordert, das Passwort Ihres Kontos bei {product} ({email}) zurückzusetzen.",
    "emails.resetPassword.button": "Neues Passwort wählen",
    "emails.resetPassword.expiry":
      "Der Link funktioniert einmal und läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab.",

    "emails.magicLink.subject": "Ihr Anmeldelink für {product}",
    "emails.magicLink.preview": "Mit einem Klick anmelden.",
    "emails.magicLink.heading": "Bei {product} anmelden",
    "emails.magicLink.body": "Mit diesem Link melden Sie sich als {email} an.",
    "emails.magicLink.button": "Anmelden",
    "emails.magicLink.expiry":
      "Der Link funktioniert einmal und läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab.",

    "emails.oneTimeCode.subject": "{code} ist Ihr Code für {product}",
    "emails.oneTimeCode.preview": "Ihr einmaliger Anmeldecode.",
    "emails.oneTimeCode.heading": "Ihr Anmeldecode",
    "emails.oneTimeCode.body": "Geben Sie diesen Code ein, um sich als {email} anzumelden:",
    "emails.oneTimeCode.expiry":
      "Der Code funktioniert einmal und läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab. Geben Sie ihn niemals weiter.",

    "emails.organizationInvitation.subject": "{inviter} hat Sie zu {organization} eingeladen",
    "emails.organizationInvitation.preview": "Treten Sie {organization} bei {product} bei.",
    "emails.organizationInvitation.heading": "{organization} beitreten",
    "emails.organizationInvitation.body":
      "{inviter} ({inviterEmail}) hat Sie eingeladen, {organization} bei {product} beizutreten.",
    "emails.organizationInvitation.button": "Einladung annehmen",
    "emails.organizationInvitation.expiry":
      "Die Einladung läuft in {hours, plural, one {# Stunde} other {# Stunden}} ab.",

    "emails.welcome.subject": "Willkommen bei {product}",
    "emails.welcome.preview": "Ihr Konto ist bereit.",
    "emails.welcome.heading": "Willkommen bei {product}",
    "emails.welcome.body": "Ihr Konto für {email} ist bereit. Sie können es jederzeit auf Ihrer Kontoseite verwalten.",
    "emails.welcome.button": "Zu Ihrem Konto",

    "emails.newSignIn.subject": "Neue Anmeldung bei Ihrem Konto für {product}",
    "emails.newSignIn.preview": "Wir haben eine Anmeldung von einem neuen Gerät bemerkt.",
    "emails.newSignIn.heading": "Neue Anmeldung von einem unbekannten Gerät",
    "emails.newSignIn.body":
      "Bei Ihrem Konto für {product} ({email}) hat sich gerade jemand von einem Gerät angemeldet, das wir noch nicht kennen.",
    "emails.newSignIn.when": "Wann",
    "emails.newSignIn.device": "Gerät",
    "emails.newSignIn.ip": "IP-Adresse",
    "emails.newSignIn.unknown": "Unbekannt",
    "emails.newSignIn.notYou":
      "Falls Sie das waren, ist nichts zu tun. Falls nicht, setzen Sie Ihr Passwort jetzt zurück: Dadurch werden alle Geräte abgemeldet.",
    "emails.newSignIn.button": "Passwort zurücksetzen",

    "emails.passwordChanged.subject": "Ihr Passwort für {product} wurde geändert",
    "emails.passwordChanged.preview": "Ihr Passwort wurde gerade geändert.",
    "emails.passwordChanged.heading": "Ihr Passwort wurde geändert",
    "emails.passwordChanged.body": "Das Passwort Ihres Kontos bei {product} ({email}) wurde am {when} geändert.",
    "emails.passwordChanged.notYou":
      "Falls Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück und wenden Sie sich an den Support.",
    "emails.passwordChanged.button": "Passwort zurücksetzen",
  },
  // Every other locale: ./<locale>/emails.ts.
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
