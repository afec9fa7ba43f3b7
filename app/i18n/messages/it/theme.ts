/** theme in it; keys and placeholders as in ../theme.ts. */
export const it = {
  "theme.legalLinks": "Note legali e assistenza",
  "theme.terms": "Termini",
  "theme.privacy": "Privacy",
  "theme.support": "Assistenza",
  "theme.logoAlt": "Logo di {name}",
  "theme.language": "Lingua",
};
