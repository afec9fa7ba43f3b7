import { defineMessages } from "../define";
import { fr } from "./fr/sign-in-protection";
import { es } from "./es/sign-in-protection";
import { ptBR } from "./pt-BR/sign-in-protection";
import { it } from "./it/sign-in-protection";
import { nl } from "./nl/sign-in-protection";
import { pl } from "./pl/sign-in-protection";
import { tr } from "./tr/sign-in-protection";
import { ja } from "./ja/sign-in-protection";
import { ko } from "./ko/sign-in-protection";
import { zhCN } from "./zh-CN/sign-in-protection";
import { ar } from "./ar/sign-in-protection";
import { he } from "./he/sign-in-protection";

/**
 * Sign-in protections (app/auth/account-throttle*.ts, enumeration protection): the hosted pages'
 * refusals and the two emails they send.
 */
export const signInProtection = defineMessages({
  en: {
    "signInProtection.otherWays": "Other ways in:",
    "signInProtection.resetPassword": "Reset your password",
    "signInProtection.checkEmail": "Check your email",
    "signInProtection.checkEmailText":
      "If {email} can be used for a new account, we sent it what it needs to go on. Follow the email to continue.",

    "emails.accountThrottled.subject": "Failed sign-in attempts on your {product} account",
    "emails.accountThrottled.preview": "Someone tried to sign in to your account with a wrong password or code.",
    "emails.accountThrottled.heading": "Failed sign-in attempts",
    "emails.accountThrottled.body":
      "There {failures, plural, one {was # failed attempt} other {were # failed attempts}} to sign in to your {product} account ({email}) with a wrong password or code. We now slow further attempts down.",
    "emails.accountThrottled.notYou":
      "If this was not you, your password still protects your account. To be safe, choose a new one; signing in with a link or a code always works.",
    "emails.accountThrottled.button": "Reset your password",

    "emails.signUpAttempt.subject": "Someone tried to sign up to {product} with your address",
    "emails.signUpAttempt.preview": "You already have an account, so no new one was created.",
    "emails.signUpAttempt.heading": "You already have an account",
    "emails.signUpAttempt.body":
      "Someone just tried to create a {product} account with {email}. You already have one, so nothing was changed.",
    "emails.signUpAttempt.notYou":
      "If it was you, sign in instead. If you forgot your password, reset it. If it was not you, you can ignore this email.",
    "emails.signUpAttempt.button": "Sign in",
  },
  de: {
    "signInProtection.otherWays": "Andere Wege zur Anmeldung:",
    "signInProtection.resetPassword": "Passwort zurücksetzen",
    "signInProtection.checkEmail": "Prüfen Sie Ihre E-Mails",
    "signInProtection.checkEmailText":
      "Falls mit {email} ein neues Konto angelegt werden kann, haben wir dorthin alles Nötige geschickt. Folgen Sie der E-Mail, um fortzufahren.",

    "emails.accountThrottled.subject": "Fehlgeschlagene Anmeldeversuche bei Ihrem Konto für {product}",
    "emails.accountThrottled.preview":
      "Jemand hat versucht, sich mit einem falschen Passwort oder Code bei Ihrem Konto anzumelden.",
    "emails.accountThrottled.heading": "Fehlgeschlagene Anmeldeversuche",
    "emails.accountThrottled.body":
      "Es gab {failures} fehlgeschlagene Versuche, sich mit einem falschen Passwort oder Code bei Ihrem Konto für {product} ({email}) anzumelden. Weitere Versuche verlangsamen wir jetzt.",
    "emails.accountThrottled.notYou":
      "Falls Sie das nicht waren: Ihr Passwort schützt Ihr Konto weiterhin. Wählen Sie zur Sicherheit ein neues; die Anmeldung mit einem Link oder Code funktioniert immer.",
    "emails.accountThrottled.button": "Passwort zurücksetzen",

    "emails.signUpAttempt.subject": "Jemand wollte sich mit Ihrer Adresse bei {product} registrieren",
    "emails.signUpAttempt.preview": "Sie haben bereits ein Konto, daher wurde kein neues angelegt.",
    "emails.signUpAttempt.heading": "Sie haben bereits ein Konto",
    "emails.signUpAttempt.body":
      "Jemand hat gerade versucht, mit {email} ein Konto bei {product} anzulegen. Sie haben bereits eines, daher wurde nichts geändert.",
    "emails.signUpAttempt.notYou":
      "Falls Sie das waren, melden Sie sich stattdessen an. Falls Sie Ihr Passwort vergessen haben, setzen Sie es zurück. Falls nicht, können Sie diese E-Mail ignorieren.",
    "emails.signUpAttempt.button": "Anmelden",
  },
  // Every other locale: ./<locale>/sign-in-protection.ts.
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
