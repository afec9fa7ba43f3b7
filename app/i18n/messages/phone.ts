import { defineMessages } from "../define";
import { fr } from "./fr/phone";
import { es } from "./es/phone";
import { ptBR } from "./pt-BR/phone";
import { it } from "./it/phone";
import { nl } from "./nl/phone";
import { pl } from "./pl/phone";
import { tr } from "./tr/phone";
import { ja } from "./ja/phone";
import { ko } from "./ko/phone";
import { zhCN } from "./zh-CN/phone";
import { ar } from "./ar/phone";
import { he } from "./he/phone";

/** Phone number sign-in and verification: the hosted pages and the text message with the code. */
export const phone = defineMessages({
  en: {
    "phone.link": "Use your phone number",
    "phone.title": "Sign in with your phone",
    "phone.intro": "We will text you a code to sign in.",
    "phone.number": "Phone number",
    "phone.numberHint": "With the country code, like +49 151 23456789.",
    "phone.invalidNumber": "Enter your phone number with its country code, like +49 151 23456789.",
    "phone.sendCode": "Send code",
    "phone.codeSent": "We sent a code to {phone}. It expires in {minutes, plural, one {# minute} other {# minutes}}.",
    "phone.codeSentIfAccount":
      "If an account uses {phone}, we sent it a code. It expires in {minutes, plural, one {# minute} other {# minutes}}.",
    "phone.code": "Code",
    "phone.codeFormat": "Enter the {length}-digit code from the text message.",
    "phone.verify": "Sign in",
    "phone.wrongCode": "That code is not right. Check the text message and try again.",
    "phone.codeExpired": "That code has expired. Send a new one.",
    "phone.tooManyAttempts": "Too many wrong codes. Send a new one.",
    "phone.noAccount":
      "No account uses this phone number. Sign in another way, then add your number on your account page.",
    "phone.otherNumber": "Use another number",
    "phone.resend": "Send a new code",
    "phone.rateLimited": "Too many attempts. Wait a minute, then try again.",
    "phone.failed": "We could not complete that. Please try again.",
    "phone.backToSignIn": "Back to sign in",
    "phone.sms.code":
      "{code} is your {tenant} code. It expires in {minutes, plural, one {# minute} other {# minutes}}. Do not share it.",
    "phone.account.title": "Phone number",
    "phone.account.none": "No phone number yet.",
    "phone.account.verified": "Verified",
    "phone.account.add": "Add a phone number",
    "phone.account.change": "Change phone number",
    "phone.account.manage": "Phone number settings",
    "phone.account.intro": "We will text a code to the number to make sure it is yours.",
    "phone.account.verify": "Verify number",
    "phone.account.saved": "Your phone number {phone} is verified.",
    "phone.account.inUse": "Another account already uses this phone number.",
    "phone.account.back": "Back to your account",
  },
  de: {
    "phone.link": "Mit Telefonnummer anmelden",
    "phone.title": "Mit Ihrem Telefon anmelden",
    "phone.intro": "Wir senden Ihnen einen Code per SMS.",
    "phone.number": "Telefonnummer",
    "phone.numberHint": "Mit Ländervorwahl, z. B. +49 151 23456789.",
    "phone.invalidNumber": "Geben Sie Ihre Telefonnummer mit Ländervorwahl ein, z. B. +49 151 23456789.",
    "phone.sendCode": "Code senden",
    "phone.codeSent":
      "Wir haben einen Code an {phone} gesendet. Er ist {minutes, plural, one {# Minute} other {# Minuten}} gültig.",
    "phone.codeSentIfAccount":
      "Falls ein Konto {phone} verwendet, haben wir einen Code dorthin gesendet. Er ist {minutes, plural, one {# Minute} other {# Minuten}} gültig.",
    "phone.code": "Code",
    "phone.codeFormat": "Geben Sie den {length}-stelligen Code aus der SMS ein.",
    "phone.verify": "Anmelden",
    "phone.wrongCode": "Dieser Code stimmt nicht. Prüfen Sie die SMS und versuchen Sie es erneut.",
    "phone.codeExpired": "Dieser Code ist abgelaufen. Fordern Sie einen neuen an.",
    "phone.tooManyAttempts": "Zu viele falsche Codes. Fordern Sie einen neuen an.",
    "phone.noAccount":
      "Kein Konto verwendet diese Telefonnummer. Melden Sie sich anders an und fügen Sie Ihre Nummer auf Ihrer Kontoseite hinzu.",
    "phone.otherNumber": "Andere Nummer verwenden",
    "phone.resend": "Neuen Code senden",
    "phone.rateLimited": "Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.",
    "phone.failed": "Das hat nicht geklappt. Bitte versuchen Sie es erneut.",
    "phone.backToSignIn": "Zurück zur Anmeldung",
    "phone.sms.code":
      "{code} ist Ihr Code für {tenant}. Er ist {minutes, plural, one {# Minute} other {# Minuten}} gültig. Geben Sie ihn nicht weiter.",
    "phone.account.title": "Telefonnummer",
    "phone.account.none": "Noch keine Telefonnummer.",
    "phone.account.verified": "Bestätigt",
    "phone.account.add": "Telefonnummer hinzufügen",
    "phone.account.change": "Telefonnummer ändern",
    "phone.account.manage": "Telefonnummer verwalten",
    "phone.account.intro": "Wir senden einen Code per SMS an die Nummer, um zu prüfen, dass sie Ihnen gehört.",
    "phone.account.verify": "Nummer bestätigen",
    "phone.account.saved": "Ihre Telefonnummer {phone} ist bestätigt.",
    "phone.account.inUse": "Ein anderes Konto verwendet diese Telefonnummer bereits.",
    "phone.account.back": "Zurück zu Ihrem Konto",
  },
  // Every other locale: ./<locale>/phone.ts.
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
