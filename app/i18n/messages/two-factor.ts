import { defineMessages } from "../define";
import { fr } from "./fr/two-factor";
import { es } from "./es/two-factor";
import { ptBR } from "./pt-BR/two-factor";
import { it } from "./it/two-factor";
import { nl } from "./nl/two-factor";
import { pl } from "./pl/two-factor";
import { tr } from "./tr/two-factor";
import { ja } from "./ja/two-factor";
import { ko } from "./ko/two-factor";
import { zhCN } from "./zh-CN/two-factor";
import { ar } from "./ar/two-factor";
import { he } from "./he/two-factor";

/** Two-factor authentication: the sign-in step, the account section and the set-up page. */
export const twoFactor = defineMessages({
  en: {
    "twoFactor.challenge.title": "Two-factor authentication",
    "twoFactor.challenge.totpIntro": "Enter the 6-digit code from your authenticator app.",
    "twoFactor.challenge.backupIntro": "Enter one of your backup codes. Each code works once.",
    "twoFactor.challenge.code": "Authentication code",
    "twoFactor.challenge.backupCode": "Backup code",
    "twoFactor.challenge.trustDevice": "Trust this device for {days, plural, one {# day} other {# days}}",
    "twoFactor.challenge.submit": "Verify",
    "twoFactor.challenge.useBackup": "Use a backup code instead",
    "twoFactor.challenge.useTotp": "Use your authenticator app instead",
    "twoFactor.challenge.expiredTitle": "This sign-in has expired",
    "twoFactor.challenge.expiredText":
      "The time to enter your code ran out, or this sign-in was already finished. Sign in again to get a new chance to enter a code.",
    "twoFactor.challenge.signInAgain": "Sign in again",
    "twoFactor.errors.codeRequired": "Enter the code.",
    "twoFactor.errors.invalidCode": "That code is not right. Check your authenticator app and enter the current code.",
    "twoFactor.errors.invalidBackupCode": "This backup code is not valid or was already used.",
    "twoFactor.errors.tooManyAttempts": "Too many wrong codes for this sign-in. Sign in again to try once more.",
    "twoFactor.errors.locked": "Too many wrong codes in a row. Your account is locked for 15 minutes.",
    "twoFactor.errors.passwordRequired": "Enter your password to confirm it is you.",
    "twoFactor.errors.wrongPassword": "That password is not right.",
    "twoFactor.errors.setupExpired": "The set-up was interrupted. Start again.",
    "twoFactor.errors.enforced": "Two-factor authentication is required for your account, so it cannot be turned off.",
    "twoFactor.account.title": "Two-factor authentication",
    "twoFactor.account.on": "On: signing in with your password also asks for a code from your authenticator app.",
    "twoFactor.account.off": "Off: add a code from an authenticator app to your password.",
    "twoFactor.account.manage": "Manage two-factor authentication",
    "twoFactor.account.setUp": "Set up two-factor authentication",
    "twoFactor.setup.title": "Two-factor authentication",
    "twoFactor.setup.required": "{tenant} requires two-factor authentication for your account. Set it up to continue.",
    "twoFactor.setup.intro":
      "You will need an authenticator app, such as Google Authenticator, 1Password or Microsoft Authenticator.",
    "twoFactor.setup.confirmPassword": "Password",
    "twoFactor.setup.start": "Continue",
    "twoFactor.setup.scan": "Scan this QR code with your authenticator app.",
    "twoFactor.setup.qrAlt": "QR code for your authenticator app",
    "twoFactor.setup.secret": "Or enter this key by hand:",
    "twoFactor.setup.issuer": "Your app will list it as “{issuer}”.",
    "twoFactor.setup.code": "Code from the app",
    "twoFactor.setup.confirm": "Turn on two-factor authentication",
    "twoFactor.setup.done": "Two-factor authentication is on.",
    "twoFactor.backupCodes.title": "Your backup codes",
    "twoFactor.backupCodes.intro":
      "Keep these codes somewhere safe. Each one signs you in once if you lose your authenticator app. They are shown only now.",
    "twoFactor.backupCodes.download": "Download the codes",
    "twoFactor.backupCodes.fileHeader": "Backup codes for {tenant}. Each code works once.",
    "twoFactor.backupCodes.continue": "I saved my codes",
    "twoFactor.manage.on": "Two-factor authentication is on.",
    "twoFactor.manage.regenerateTitle": "New backup codes",
    "twoFactor.manage.regenerateText": "Creates 10 new codes; the old ones stop working.",
    "twoFactor.manage.regenerate": "Create new backup codes",
    "twoFactor.manage.disableTitle": "Turn off",
    "twoFactor.manage.disableText": "Signing in will only need your password again.",
    "twoFactor.manage.disable": "Turn off two-factor authentication",
    "twoFactor.manage.back": "Back to your account",
  },
  de: {
    "twoFactor.challenge.title": "Zwei-Faktor-Authentifizierung",
    "twoFactor.challenge.totpIntro": "Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.",
    "twoFactor.challenge.backupIntro": "Geben Sie einen Ihrer Backup-Codes ein. Jeder Code funktioniert einmal.",
    "twoFactor.challenge.code": "Bestätigungscode",
    "twoFactor.challenge.backupCode": "Backup-Code",
    "twoFactor.challenge.trustDevice": "Diesem Gerät {days, plural, one {# Tag} other {# Tage}} lang vertrauen",
    "twoFactor.challenge.submit": "Bestätigen",
    "twoFactor.challenge.useBackup": "Stattdessen einen Backup-Code verwenden",
    "twoFactor.challenge.useTotp": "Stattdessen die Authenticator-App verwenden",
    "twoFactor.challenge.expiredTitle": "Diese Anmeldung ist abgelaufen",
    "twoFactor.challenge.expiredText":
      "Die Zeit für die Eingabe des Codes ist abgelaufen oder die Anmeldung wurde bereits abgeschlossen. Melden Sie sich erneut an, um einen Code einzugeben.",
    "twoFactor.challenge.signInAgain": "Erneut anmelden",
    "twoFactor.errors.codeRequired": "Geben Sie den Code ein.",
    "twoFactor.errors.invalidCode":
      "Dieser Code stimmt nicht. Prüfen Sie Ihre Authenticator-App und geben Sie den aktuellen Code ein.",
    "twoFactor.errors.invalidBackupCode": "Dieser Backup-Code ist ungültig oder wurde bereits verwendet.",
    "twoFactor.errors.tooManyAttempts":
      "Zu viele falsche Codes für diese Anmeldung. Melden Sie sich erneut an, um es noch einmal zu versuchen.",
    "twoFactor.errors.locked": "Zu viele falsche Codes hintereinander. Ihr Konto ist für 15 Minuten gesperrt.",
    "twoFactor.errors.passwordRequired": "Geben Sie Ihr Passwort ein, um zu bestätigen, dass Sie es sind.",
    "twoFactor.errors.wrongPassword": "Dieses Passwort stimmt nicht.",
    "twoFactor.errors.setupExpired": "Die Einrichtung wurde unterbrochen. Beginnen Sie erneut.",
    "twoFactor.errors.enforced":
      "Für Ihr Konto ist die Zwei-Faktor-Authentifizierung vorgeschrieben; sie kann nicht ausgeschaltet werden.",
    "twoFactor.account.title": "Zwei-Faktor-Authentifizierung",
    "twoFactor.account.on": "An: Die Anmeldung mit Passwort fragt auch nach einem Code aus Ihrer Authenticator-App.",
    "twoFactor.account.off": "Aus: Ergänzen Sie Ihr Passwort um einen Code aus einer Authenticator-App.",
    "twoFactor.account.manage": "Zwei-Faktor-Authentifizierung verwalten",
    "twoFactor.account.setUp": "Zwei-Faktor-Authentifizierung einrichten",
    "twoFactor.setup.title": "Zwei-Faktor-Authentifizierung",
    "twoFactor.setup.required":
      "{tenant} verlangt für Ihr Konto eine Zwei-Faktor-Authentifizierung. Richten Sie sie ein, um fortzufahren.",
    "twoFactor.setup.intro":
      "Sie benötigen eine Authenticator-App, zum Beispiel Google Authenticator, 1Password oder Microsoft Authenticator.",
    "twoFactor.setup.confirmPassword": "Passwort",
    "twoFactor.setup.start": "Weiter",
    "twoFactor.setup.scan": "Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.",
    "twoFactor.setup.qrAlt": "QR-Code für Ihre Authenticator-App",
    "twoFactor.setup.secret": "Oder geben Sie diesen Schlüssel von Hand ein:",
    "twoFactor.setup.issuer": "Ihre App zeigt das Konto als „{issuer}“ an.",
    "twoFactor.setup.code": "Code aus der App",
    "twoFactor.setup.confirm": "Zwei-Faktor-Authentifizierung einschalten",
    "twoFactor.setup.done": "Die Zwei-Faktor-Authentifizierung ist eingeschaltet.",
    "twoFactor.backupCodes.title": "Ihre Backup-Codes",
    "twoFactor.backupCodes.intro":
      "Bewahren Sie diese Codes sicher auf. Jeder meldet Sie einmal an, falls Sie Ihre Authenticator-App verlieren. Sie werden nur jetzt angezeigt.",
    "twoFactor.backupCodes.download": "Codes herunterladen",
    "twoFactor.backupCodes.fileHeader": "Backup-Codes für {tenant}. Jeder Code funktioniert einmal.",
    "twoFactor.backupCodes.continue": "Ich habe meine Codes gespeichert",
    "twoFactor.manage.on": "Die Zwei-Faktor-Authentifizierung ist eingeschaltet.",
    "twoFactor.manage.regenerateTitle": "Neue Backup-Codes",
    "twoFactor.manage.regenerateText": "Erstellt 10 neue Codes; die alten funktionieren dann nicht mehr.",
    "twoFactor.manage.regenerate": "Neue Backup-Codes erstellen",
    "twoFactor.manage.disableTitle": "Ausschalten",
    "twoFactor.manage.disableText": "Für die Anmeldung genügt dann wieder Ihr Passwort.",
    "twoFactor.manage.disable": "Zwei-Faktor-Authentifizierung ausschalten",
    "twoFactor.manage.back": "Zurück zu Ihrem Konto",
  },
  // Every other locale: ./<locale>/two-factor.ts.
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
