import { defineMessages } from "../define";
import { fr } from "./fr/sso";
import { es } from "./es/sso";
import { ptBR } from "./pt-BR/sso";
import { it } from "./it/sso";
import { nl } from "./nl/sso";
import { pl } from "./pl/sso";
import { tr } from "./tr/sso";
import { ja } from "./ja/sso";
import { ko } from "./ko/sso";
import { zhCN } from "./zh-CN/sso";
import { ar } from "./ar/sso";
import { he } from "./he/sso";

/** Enterprise single sign-on (app/sso): the hosted page that sends a work email to its organization's identity provider. */
export const sso = defineMessages({
  en: {
    "sso.link": "Sign in with single sign-on (SSO)",
    "sso.title": "Sign in with single sign-on",
    "sso.subtitle": "Enter your work email address. We will take you to your organization's sign-in page.",
    "sso.email": "Work email",
    "sso.submit": "Continue",
    "sso.invalidEmail": "Enter an email address such as alice@example.com.",
    "sso.noConnection":
      "No organization signs in with single sign-on at this email address's domain. Sign in another way.",
    "sso.unavailable": "Your organization's sign-in page cannot be reached right now. Try again in a moment.",
  },
  de: {
    "sso.link": "Mit Single Sign-on (SSO) anmelden",
    "sso.title": "Mit Single Sign-on anmelden",
    "sso.subtitle":
      "Geben Sie Ihre geschäftliche E-Mail-Adresse ein. Wir leiten Sie zur Anmeldeseite Ihrer Organisation weiter.",
    "sso.email": "Geschäftliche E-Mail-Adresse",
    "sso.submit": "Weiter",
    "sso.invalidEmail": "Geben Sie eine E-Mail-Adresse wie alice@example.com ein.",
    "sso.noConnection":
      "Für die Domain dieser E-Mail-Adresse meldet sich keine Organisation per Single Sign-on an. Melden Sie sich auf andere Weise an.",
    "sso.unavailable":
      "Die Anmeldeseite Ihrer Organisation ist gerade nicht erreichbar. Versuchen Sie es gleich noch einmal.",
  },
  // Every other locale: ./<locale>/sso.ts.
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
