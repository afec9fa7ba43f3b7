import { defineMessages } from "../define";
import { fr } from "./fr/username";
import { es } from "./es/username";
import { ptBR } from "./pt-BR/username";
import { it } from "./it/username";
import { nl } from "./nl/username";
import { pl } from "./pl/username";
import { tr } from "./tr/username";
import { ja } from "./ja/username";
import { ko } from "./ko/username";
import { zhCN } from "./zh-CN/username";
import { ar } from "./ar/username";
import { he } from "./he/username";

/** Usernames on the hosted sign-up and sign-in pages. */
export const username = defineMessages({
  en: {
    "username.label": "Username",
    "username.hint": "{min} to {max, plural, one {# character} other {# characters}}: letters, digits, _ and . only.",
    "username.identifier": "Email or username",
    "username.error.required": "Choose a username.",
    "username.error.invalid": "Use only letters, digits, underscores (_) and dots (.).",
    "username.error.taken": "This username is already taken. Choose another.",
    "username.error.invalidCredentials": "Incorrect username, email or password.",
    "username.error.identifierRequired": "Enter your email address or username.",
  },
  de: {
    "username.label": "Benutzername",
    "username.hint": "{min} bis {max} Zeichen: nur Buchstaben, Ziffern, _ und .",
    "username.identifier": "E-Mail-Adresse oder Benutzername",
    "username.error.required": "Wählen Sie einen Benutzernamen.",
    "username.error.invalid": "Verwenden Sie nur Buchstaben, Ziffern, Unterstriche (_) und Punkte (.).",
    "username.error.taken": "Dieser Benutzername ist schon vergeben. Wählen Sie einen anderen.",
    "username.error.invalidCredentials": "Benutzername, E-Mail-Adresse oder Passwort ist falsch.",
    "username.error.identifierRequired": "Geben Sie Ihre E-Mail-Adresse oder Ihren Benutzernamen ein.",
  },
  // Every other locale: ./<locale>/username.ts.
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
