import { defineMessages } from "../define";
import { fr } from "./fr/social";
import { es } from "./es/social";
import { ptBR } from "./pt-BR/social";
import { it } from "./it/social";
import { nl } from "./nl/social";
import { pl } from "./pl/social";
import { tr } from "./tr/social";
import { ja } from "./ja/social";
import { ko } from "./ko/social";
import { zhCN } from "./zh-CN/social";
import { ar } from "./ar/social";
import { he } from "./he/social";

/** Social and OpenID Connect sign-in: the provider buttons and the page explaining a failed attempt. */
export const social = defineMessages({
  en: {
    "social.continueWith": "Continue with {provider}",
    "social.or": "or",
    "social.error.title": "We could not sign you in",
    "social.error.state":
      "We could not confirm that this sign-in was started here. This happens when it took longer than ten minutes, was finished in another browser, or the link was changed.",
    "social.error.stateNext": "Start again from the sign-in page.",
    "social.error.denied": "The sign-in was cancelled at the provider, or the provider refused it.",
    "social.error.deniedNext": "Try again, or choose another way to sign in.",
    "social.error.notLinked":
      "An account with this email address already exists here, and we could not confirm that it is yours: the provider or this account has not verified the email address.",
    "social.error.notLinkedNext":
      "Sign in the way you usually do. Once your email address is verified, signing in with the provider joins your account.",
    "social.error.noEmail": "The provider did not share a verified email address with us.",
    "social.error.noEmailNext": "Allow access to your email address at the provider, or choose another way to sign in.",
    "social.error.signUpClosed": "There is no account for this email address, and new accounts cannot be created here.",
    "social.error.signUpClosedNext": "Sign in with an existing account, or ask an administrator for an invitation.",
    "social.error.unavailable": "This way of signing in is not available right now.",
    "social.error.unavailableNext": "Choose another way to sign in, or try again later.",
    "social.error.other": "Something went wrong while signing you in with the provider.",
    "social.error.otherNext": "Try again in a moment, or choose another way to sign in.",
    "social.error.code": "Error code: {code}",
    "social.error.back": "Back to sign in",
  },
  de: {
    "social.continueWith": "Weiter mit {provider}",
    "social.or": "oder",
    "social.error.title": "Die Anmeldung hat nicht geklappt",
    "social.error.state":
      "Wir konnten nicht bestätigen, dass diese Anmeldung hier begonnen wurde. Das passiert, wenn sie länger als zehn Minuten gedauert hat, in einem anderen Browser beendet oder der Link verändert wurde.",
    "social.error.stateNext": "Beginnen Sie noch einmal auf der Anmeldeseite.",
    "social.error.denied": "Die Anmeldung wurde beim Anbieter abgebrochen oder von ihm abgelehnt.",
    "social.error.deniedNext": "Versuchen Sie es erneut oder wählen Sie eine andere Anmeldemethode.",
    "social.error.notLinked":
      "Hier gibt es schon ein Konto mit dieser E-Mail-Adresse, und wir konnten nicht bestätigen, dass es Ihres ist: Der Anbieter oder dieses Konto hat die E-Mail-Adresse nicht bestätigt.",
    "social.error.notLinkedNext":
      "Melden Sie sich wie gewohnt an. Sobald Ihre E-Mail-Adresse bestätigt ist, verbindet die Anmeldung über den Anbieter Ihr Konto.",
    "social.error.noEmail": "Der Anbieter hat uns keine bestätigte E-Mail-Adresse mitgeteilt.",
    "social.error.noEmailNext":
      "Erlauben Sie beim Anbieter den Zugriff auf Ihre E-Mail-Adresse oder wählen Sie eine andere Anmeldemethode.",
    "social.error.signUpClosed":
      "Für diese E-Mail-Adresse gibt es kein Konto, und neue Konten können hier nicht angelegt werden.",
    "social.error.signUpClosedNext":
      "Melden Sie sich mit einem bestehenden Konto an oder bitten Sie einen Administrator um eine Einladung.",
    "social.error.unavailable": "Diese Anmeldemethode ist gerade nicht verfügbar.",
    "social.error.unavailableNext": "Wählen Sie eine andere Anmeldemethode oder versuchen Sie es später erneut.",
    "social.error.other": "Bei der Anmeldung über den Anbieter ist etwas schiefgegangen.",
    "social.error.otherNext": "Versuchen Sie es gleich noch einmal oder wählen Sie eine andere Anmeldemethode.",
    "social.error.code": "Fehlercode: {code}",
    "social.error.back": "Zurück zur Anmeldung",
  },
  // Every other locale: ./<locale>/social.ts.
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
