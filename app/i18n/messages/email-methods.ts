import { defineMessages } from "../define";
import { fr } from "./fr/email-methods";
import { es } from "./es/email-methods";
import { ptBR } from "./pt-BR/email-methods";
import { it } from "./it/email-methods";
import { nl } from "./nl/email-methods";
import { pl } from "./pl/email-methods";
import { tr } from "./tr/email-methods";
import { ja } from "./ja/email-methods";
import { ko } from "./ko/email-methods";
import { zhCN } from "./zh-CN/email-methods";
import { ar } from "./ar/email-methods";
import { he } from "./he/email-methods";

/** Hosted pages of the email methods: verification, magic link, email code, and their links. */
export const emailMethods = defineMessages({
  en: {
    "emailMethods.signIn.magicLink": "Email me a sign-in link",
    "emailMethods.signIn.emailCode": "Email me a code",
    "emailMethods.signIn.resendVerification": "Send a new confirmation link",

    "emailMethods.verify.title": "Confirm your email",
    "emailMethods.verify.verifiedTitle": "Your email address is confirmed",
    "emailMethods.verify.verifiedBody": "Thank you. Your account is ready.",
    "emailMethods.verify.continue": "Continue",
    "emailMethods.verify.alreadyTitle": "This link was already used",
    "emailMethods.verify.alreadyBody": "Your email address is already confirmed. Sign in to continue.",
    "emailMethods.verify.expiredTitle": "This link has expired",
    "emailMethods.verify.expiredBody":
      "Confirmation links work for 24 hours. Enter your email address and we will send you a new one.",
    "emailMethods.verify.invalidTitle": "This link does not work",
    "emailMethods.verify.invalidBody":
      "The link is incomplete or was changed. Enter your email address and we will send you a new one.",
    "emailMethods.verify.pendingTitle": "Check your inbox",
    "emailMethods.verify.pendingBody":
      "We sent a confirmation link to your email address. Open it to finish setting up your account. Nothing arrived? Send a new link.",
    "emailMethods.verify.sentBody":
      "If {email} has an account that still needs confirming, a new link is on its way. It works for 24 hours.",
    "emailMethods.verify.resend": "Send a new link",
    "emailMethods.verify.signIn": "Sign in",

    "emailMethods.account.verified": "Confirmed",
    "emailMethods.account.unverified": "Not confirmed yet",
    "emailMethods.account.resend": "Send confirmation email",
    "emailMethods.account.sent": "We sent a confirmation link to {email}.",

    "emailMethods.magicLink.title": "Sign in with a link",
    "emailMethods.magicLink.subtitle": "Enter your email address and we will send you a link that signs you in.",
    "emailMethods.magicLink.submit": "Email me a link",
    "emailMethods.magicLink.sentTitle": "Check your inbox",
    "emailMethods.magicLink.sentBody":
      "We sent a sign-in link to {email}. It works once and expires in {minutes, plural, one {# minute} other {# minutes}}. You can close this page.",
    "emailMethods.magicLink.failedTitle": "This sign-in link does not work any more",
    "emailMethods.magicLink.failedBody":
      "Sign-in links work once and expire after a few minutes. Enter your email address to get a new one.",
    "emailMethods.magicLink.signUpClosed":
      "There is no account for this email address, and new accounts cannot be created here.",
    "emailMethods.backToSignIn": "Back to sign in",
    "emailMethods.useAnotherEmail": "Use another email address",

    "emailMethods.code.title": "Sign in with a code",
    "emailMethods.code.subtitle": "Enter your email address and we will send you a one-time code.",
    "emailMethods.code.submitEmail": "Email me a code",
    "emailMethods.code.enterTitle": "Enter your code",
    "emailMethods.code.enterBody":
      "If {email} can sign in here, a {length}-digit code is on its way. It expires in {minutes, plural, one {# minute} other {# minutes}}.",
    "emailMethods.code.label": "One-time code",
    "emailMethods.code.submitCode": "Sign in",
    "emailMethods.code.wrong": "That code is not right. {remaining, plural, one {# attempt} other {# attempts}} left.",
    "emailMethods.code.wrongLast": "That code is not right. 1 attempt left.",
    "emailMethods.code.tooMany": "Too many wrong codes. This code no longer works: ask for a new one.",
    "emailMethods.code.expired": "This code has expired. Ask for a new one.",
    "emailMethods.code.format": "Enter the {length}-digit code from the email.",
    "emailMethods.code.startOver": "Get a new code",
  },
  de: {
    "emailMethods.signIn.magicLink": "Anmeldelink per E-Mail senden",
    "emailMethods.signIn.emailCode": "Code per E-Mail senden",
    "emailMethods.signIn.resendVerification": "Neuen Bestätigungslink senden",

    "emailMethods.verify.title": "E-Mail-Adresse bestätigen",
    "emailMethods.verify.verifiedTitle": "Ihre E-Mail-Adresse ist bestätigt",
    "emailMethods.verify.verifiedBody": "Vielen Dank. Ihr Konto ist bereit.",
    "emailMethods.verify.continue": "Weiter",
    "emailMethods.verify.alreadyTitle": "Dieser Link wurde bereits verwendet",
    "emailMethods.verify.alreadyBody":
      "Ihre E-Mail-Adresse ist bereits bestätigt. Melden Sie sich an, um fortzufahren.",
    "emailMethods.verify.expiredTitle": "Dieser Link ist abgelaufen",
    "emailMethods.verify.expiredBody":
      "Bestätigungslinks sind 24 Stunden gültig. Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen neuen.",
    "emailMethods.verify.invalidTitle": "Dieser Link funktioniert nicht",
    "emailMethods.verify.invalidBody":
      "Der Link ist unvollständig oder wurde verändert. Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen neuen.",
    "emailMethods.verify.pendingTitle": "Sehen Sie in Ihr Postfach",
    "emailMethods.verify.pendingBody":
      "Wir haben einen Bestätigungslink an Ihre E-Mail-Adresse gesendet. Öffnen Sie ihn, um Ihr Konto fertig einzurichten. Nichts angekommen? Fordern Sie einen neuen Link an.",
    "emailMethods.verify.sentBody":
      "Falls {email} ein Konto hat, das noch bestätigt werden muss, ist ein neuer Link unterwegs. Er ist 24 Stunden gültig.",
    "emailMethods.verify.resend": "Neuen Link senden",
    "emailMethods.verify.signIn": "Anmelden",

    "emailMethods.account.verified": "Bestätigt",
    "emailMethods.account.unverified": "Noch nicht bestätigt",
    "emailMethods.account.resend": "Bestätigungs-E-Mail senden",
    "emailMethods.account.sent": "Wir haben einen Bestätigungslink an {email} gesendet.",

    "emailMethods.magicLink.title": "Mit einem Link anmelden",
    "emailMethods.magicLink.subtitle": "Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Anmeldelink.",
    "emailMethods.magicLink.submit": "Link senden",
    "emailMethods.magicLink.sentTitle": "Sehen Sie in Ihr Postfach",
    "emailMethods.magicLink.sentBody":
      "Wir haben einen Anmeldelink an {email} gesendet. Er funktioniert einmal und läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab. Sie können diese Seite schließen.",
    "emailMethods.magicLink.failedTitle": "Dieser Anmeldelink funktioniert nicht mehr",
    "emailMethods.magicLink.failedBody":
      "Anmeldelinks funktionieren einmal und laufen nach wenigen Minuten ab. Geben Sie Ihre E-Mail-Adresse ein, um einen neuen zu erhalten.",
    "emailMethods.magicLink.signUpClosed":
      "Für diese E-Mail-Adresse gibt es kein Konto, und hier können keine neuen Konten erstellt werden.",
    "emailMethods.backToSignIn": "Zurück zur Anmeldung",
    "emailMethods.useAnotherEmail": "Andere E-Mail-Adresse verwenden",

    "emailMethods.code.title": "Mit einem Code anmelden",
    "emailMethods.code.subtitle": "Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen einmaligen Code.",
    "emailMethods.code.submitEmail": "Code senden",
    "emailMethods.code.enterTitle": "Code eingeben",
    "emailMethods.code.enterBody":
      "Falls sich {email} hier anmelden kann, ist ein {length}-stelliger Code unterwegs. Er läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab.",
    "emailMethods.code.label": "Einmaliger Code",
    "emailMethods.code.submitCode": "Anmelden",
    "emailMethods.code.wrong": "Dieser Code ist falsch. Noch {remaining} Versuche.",
    "emailMethods.code.wrongLast": "Dieser Code ist falsch. Noch 1 Versuch.",
    "emailMethods.code.tooMany":
      "Zu viele falsche Codes. Dieser Code funktioniert nicht mehr: Fordern Sie einen neuen an.",
    "emailMethods.code.expired": "Dieser Code ist abgelaufen. Fordern Sie einen neuen an.",
    "emailMethods.code.format": "Geben Sie den {length}-stelligen Code aus der E-Mail ein.",
    "emailMethods.code.startOver": "Neuen Code anfordern",
  },
  // Every other locale: ./<locale>/email-methods.ts.
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
