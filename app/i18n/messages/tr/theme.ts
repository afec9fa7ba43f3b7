/** theme in tr; keys and placeholders as in ../theme.ts. */
export const tr = {
  "theme.legalLinks": "Yasal bilgiler ve destek",
  "theme.terms": "Koşullar",
  "theme.privacy": "Gizlilik",
  "theme.support": "Destek",
  "theme.logoAlt": "{name} logosu",
  "theme.language": "Dil",
};
