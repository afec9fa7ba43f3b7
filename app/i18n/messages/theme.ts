import { defineMessages } from "../define";
import { fr } from "./fr/theme";
import { es } from "./es/theme";
import { ptBR } from "./pt-BR/theme";
import { it } from "./it/theme";
import { nl } from "./nl/theme";
import { pl } from "./pl/theme";
import { tr } from "./tr/theme";
import { ja } from "./ja/theme";
import { ko } from "./ko/theme";
import { zhCN } from "./zh-CN/theme";
import { ar } from "./ar/theme";
import { he } from "./he/theme";

/** The branded shell around hosted pages: footer links and the logo's text alternative. */
export const theme = defineMessages({
  en: {
    "theme.legalLinks": "Legal and support",
    "theme.terms": "Terms",
    "theme.privacy": "Privacy",
    "theme.support": "Support",
    "theme.logoAlt": "{name} logo",
    "theme.language": "Language",
  },
  de: {
    "theme.legalLinks": "Rechtliches und Hilfe",
    "theme.terms": "Nutzungsbedingungen",
    "theme.privacy": "Datenschutz",
    "theme.support": "Hilfe",
    "theme.logoAlt": "Logo von {name}",
    "theme.language": "Sprache",
  },
  // Every other locale: ./<locale>/theme.ts.
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
