import { defineMessages } from "../define";
import { fr } from "./fr/privacy";
import { es } from "./es/privacy";
import { ptBR } from "./pt-BR/privacy";
import { it } from "./it/privacy";
import { nl } from "./nl/privacy";
import { pl } from "./pl/privacy";
import { tr } from "./tr/privacy";
import { ja } from "./ja/privacy";
import { ko } from "./ko/privacy";
import { zhCN } from "./zh-CN/privacy";
import { ar } from "./ar/privacy";
import { he } from "./he/privacy";

/** "Your data" on the hosted account page: download it, delete the account (app/privacy). */
export const privacy = defineMessages({
  en: {
    "privacy.title": "Your data",
    "privacy.intro":
      "Download everything we hold about you as a JSON file, or delete your account and the data that belongs to it.",
    "privacy.download": "Download my data",
    "privacy.delete": "Delete my account",
    "privacy.deleteTitle": "Delete your account",
    "privacy.deleteWarning":
      "This deletes {email} with its sign-in methods, passkeys, sessions and organization memberships. It cannot be undone.",
    "privacy.deletePassword": "Your password",
    "privacy.deletePasswordHint": "To confirm it is you.",
    "privacy.deleteFresh": "You signed in recently, so no password is needed.",
    "privacy.deleteConfirm": "I understand that my account is deleted for good",
    "privacy.deleteSubmit": "Delete my account",
    "privacy.deleteCancel": "Keep my account",
    "privacy.deleted": "Your account was deleted.",
    "privacy.deletedText": "Your account and the data that belonged to it are gone. You can close this page.",
    "privacy.error.confirm": "Tick the box to confirm.",
    "privacy.error.password": "That password is not right.",
    "privacy.error.reauthenticate":
      "For your security, sign out and sign in again, then delete your account within a day.",
  },
  de: {
    "privacy.title": "Ihre Daten",
    "privacy.intro":
      "Laden Sie alles, was wir über Sie speichern, als JSON-Datei herunter, oder löschen Sie Ihr Konto und die zugehörigen Daten.",
    "privacy.download": "Meine Daten herunterladen",
    "privacy.delete": "Mein Konto löschen",
    "privacy.deleteTitle": "Konto löschen",
    "privacy.deleteWarning":
      "Damit werden {email} und die zugehörigen Anmeldemethoden, Passkeys, Sitzungen und Organisationsmitgliedschaften gelöscht. Das lässt sich nicht rückgängig machen.",
    "privacy.deletePassword": "Ihr Passwort",
    "privacy.deletePasswordHint": "Zur Bestätigung, dass Sie es sind.",
    "privacy.deleteFresh": "Sie haben sich gerade angemeldet, daher ist kein Passwort nötig.",
    "privacy.deleteConfirm": "Ich verstehe, dass mein Konto endgültig gelöscht wird",
    "privacy.deleteSubmit": "Mein Konto löschen",
    "privacy.deleteCancel": "Konto behalten",
    "privacy.deleted": "Ihr Konto wurde gelöscht.",
    "privacy.deletedText": "Ihr Konto und die zugehörigen Daten sind gelöscht. Sie können diese Seite schließen.",
    "privacy.error.confirm": "Setzen Sie das Häkchen zur Bestätigung.",
    "privacy.error.password": "Dieses Passwort ist nicht richtig.",
    "privacy.error.reauthenticate":
      "Zu Ihrer Sicherheit: Melden Sie sich ab und wieder an und löschen Sie Ihr Konto dann innerhalb eines Tages.",
  },
  // Every other locale: ./<locale>/privacy.ts.
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
