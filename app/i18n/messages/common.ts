import { defineMessages } from "../define";
import { fr } from "./fr/common";
import { es } from "./es/common";
import { ptBR } from "./pt-BR/common";
import { it } from "./it/common";
import { nl } from "./nl/common";
import { pl } from "./pl/common";
import { tr } from "./tr/common";
import { ja } from "./ja/common";
import { ko } from "./ko/common";
import { zhCN } from "./zh-CN/common";
import { ar } from "./ar/common";
import { he } from "./he/common";

/** Words shared by every hosted page and email. */
export const common = defineMessages({
  en: {
    "common.email": "Email",
    "common.password": "Password",
    "common.continue": "Continue",
    "common.cancel": "Cancel",
    "common.or": "or",
    "common.poweredBy": "Powered by {name}",
  },
  de: {
    "common.email": "E-Mail",
    "common.password": "Passwort",
    "common.continue": "Weiter",
    "common.cancel": "Abbrechen",
    "common.or": "oder",
    "common.poweredBy": "Bereitgestellt von {name}",
  },
  // Every other locale: ./<locale>/common.ts.
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
