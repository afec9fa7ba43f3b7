/** theme in fr; keys and placeholders as in ../theme.ts. */
export const fr = {
  "theme.legalLinks": "Mentions légales et aide",
  "theme.terms": "Conditions",
  "theme.privacy": "Confidentialité",
  "theme.support": "Aide",
  "theme.logoAlt": "Logo de {name}",
  "theme.language": "Langue",
};
