import { defineMessages } from "../define";
import { en } from "./en/auth-errors";
import { de } from "./de/auth-errors";
import { fr } from "./fr/auth-errors";
import { es } from "./es/auth-errors";
import { ptBR } from "./pt-BR/auth-errors";
import { it } from "./it/auth-errors";
import { nl } from "./nl/auth-errors";
import { pl } from "./pl/auth-errors";
import { tr } from "./tr/auth-errors";
import { ja } from "./ja/auth-errors";
import { ko } from "./ko/auth-errors";
import { zhCN } from "./zh-CN/auth-errors";
import { ar } from "./ar/auth-errors";
import { he } from "./he/auth-errors";

/**
 * Why a sign-in failed, worded once for the hosted pages and the widgets (the error code to
 * key map is app/i18n/auth-errors.ts). Unlike other areas, English and German live in their own
 * files too: a widget loads one locale's copy at a time and imports that locale's file alone.
 */
export const authErrors = defineMessages({
  en,
  de,
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
