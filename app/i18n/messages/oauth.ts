import { defineMessages } from "../define";
import { fr } from "./fr/oauth";
import { es } from "./es/oauth";
import { ptBR } from "./pt-BR/oauth";
import { it } from "./it/oauth";
import { nl } from "./nl/oauth";
import { pl } from "./pl/oauth";
import { tr } from "./tr/oauth";
import { ja } from "./ja/oauth";
import { ko } from "./ko/oauth";
import { zhCN } from "./zh-CN/oauth";
import { ar } from "./ar/oauth";
import { he } from "./he/oauth";

/** The consent page of the tenant's OAuth / OpenID Connect provider (app/oauth-provider). */
export const oauth = defineMessages({
  en: {
    "oauth.consent.pageTitle": "Allow access",
    "oauth.consent.title": "Allow {client} to use your {tenant} account?",
    "oauth.consent.signedInAs": "Signed in as {email}",
    "oauth.consent.wants": "{client} asks to:",
    "oauth.consent.redirect": "After your answer you go back to {host}.",
    "oauth.consent.allow": "Allow",
    "oauth.consent.deny": "Deny",
    "oauth.consent.terms": "Terms of service",
    "oauth.consent.privacy": "Privacy policy",
    "oauth.scope.openid": "Confirm who you are",
    "oauth.scope.profile": "See your name and profile picture",
    "oauth.scope.email": "See your email address",
    "oauth.scope.offline_access": "Stay connected when you are not using it",
    "oauth.scope.organizations": "See your organizations and your roles in them",
    "oauth.scope.other": "Use the permission “{scope}”",
  },
  de: {
    "oauth.consent.pageTitle": "Zugriff erlauben",
    "oauth.consent.title": "{client} Zugriff auf Ihr {tenant}-Konto erlauben?",
    "oauth.consent.signedInAs": "Angemeldet als {email}",
    "oauth.consent.wants": "{client} möchte:",
    "oauth.consent.redirect": "Nach Ihrer Antwort geht es zurück zu {host}.",
    "oauth.consent.allow": "Erlauben",
    "oauth.consent.deny": "Ablehnen",
    "oauth.consent.terms": "Nutzungsbedingungen",
    "oauth.consent.privacy": "Datenschutzerklärung",
    "oauth.scope.openid": "Ihre Identität bestätigen",
    "oauth.scope.profile": "Ihren Namen und Ihr Profilbild sehen",
    "oauth.scope.email": "Ihre E-Mail-Adresse sehen",
    "oauth.scope.offline_access": "Verbunden bleiben, auch wenn Sie es gerade nicht nutzen",
    "oauth.scope.organizations": "Ihre Organisationen und Ihre Rollen darin sehen",
    "oauth.scope.other": "Die Berechtigung „{scope}“ nutzen",
  },
  // Every other locale: ./<locale>/oauth.ts.
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
