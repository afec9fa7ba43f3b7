import { defineMessages } from "../define";
import { fr } from "./fr/sessions";
import { es } from "./es/sessions";
import { ptBR } from "./pt-BR/sessions";
import { it } from "./it/sessions";
import { nl } from "./nl/sessions";
import { pl } from "./pl/sessions";
import { tr } from "./tr/sessions";
import { ja } from "./ja/sessions";
import { ko } from "./ko/sessions";
import { zhCN } from "./zh-CN/sessions";
import { ar } from "./ar/sessions";
import { he } from "./he/sessions";

/** Several accounts signed in on one browser (multi-session) on the hosted account and sign-in pages. */
export const sessions = defineMessages({
  en: {
    "sessions.title": "Accounts on this browser",
    "sessions.subtitle": "Switch between the accounts signed in here without signing in again.",
    "sessions.listLabel": "Signed-in accounts",
    "sessions.current": "current",
    "sessions.switch": "Switch",
    "sessions.switchTo": "Switch to {email}",
    "sessions.signOut": "Sign out",
    "sessions.signOutOf": "Sign out of {email}",
    "sessions.addAccount": "Add another account",
    "sessions.limitReached":
      "At most {maximum, plural, one {# account} other {# accounts}} can be signed in on one browser.",
    "sessions.addingTitle": "Add another account",
    "sessions.addingText": "You stay signed in to your current account; switch between them on your account page.",
    "sessions.backToAccount": "Back to your account",
    "sessions.failed": "Could not change accounts",
    "sessions.error.notSignedIn": "That account is no longer signed in on this browser.",
  },
  de: {
    "sessions.title": "Konten in diesem Browser",
    "sessions.subtitle": "Wechseln Sie zwischen den hier angemeldeten Konten, ohne sich erneut anzumelden.",
    "sessions.listLabel": "Angemeldete Konten",
    "sessions.current": "aktuell",
    "sessions.switch": "Wechseln",
    "sessions.switchTo": "Zu {email} wechseln",
    "sessions.signOut": "Abmelden",
    "sessions.signOutOf": "Von {email} abmelden",
    "sessions.addAccount": "Weiteres Konto hinzufügen",
    "sessions.limitReached": "In einem Browser können höchstens {maximum} Konten angemeldet sein.",
    "sessions.addingTitle": "Weiteres Konto hinzufügen",
    "sessions.addingText":
      "Sie bleiben mit Ihrem aktuellen Konto angemeldet und wechseln auf Ihrer Kontoseite zwischen den Konten.",
    "sessions.backToAccount": "Zurück zu Ihrem Konto",
    "sessions.failed": "Konto konnte nicht gewechselt werden",
    "sessions.error.notSignedIn": "Dieses Konto ist in diesem Browser nicht mehr angemeldet.",
  },
  // Every other locale: ./<locale>/sessions.ts.
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
