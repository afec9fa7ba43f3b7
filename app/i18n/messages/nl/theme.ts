/** theme in nl; keys and placeholders as in ../theme.ts. */
export const nl = {
  "theme.legalLinks": "Juridisch en hulp",
  "theme.terms": "Voorwaarden",
  "theme.privacy": "Privacy",
  "theme.support": "Hulp",
  "theme.logoAlt": "Logo van {name}",
  "theme.language": "Taal",
};
