/** theme in ja; keys and placeholders as in ../theme.ts. */
export const ja = {
  "theme.legalLinks": "規約とサポート",
  "theme.terms": "利用規約",
  "theme.privacy": "プライバシー",
  "theme.support": "サポート",
  "theme.logoAlt": "{name} のロゴ",
  "theme.language": "言語",
};
