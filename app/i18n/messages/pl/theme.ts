/** theme in pl; keys and placeholders as in ../theme.ts. */
export const pl = {
  "theme.legalLinks": "Informacje prawne i pomoc",
  "theme.terms": "Regulamin",
  "theme.privacy": "Prywatność",
  "theme.support": "Pomoc",
  "theme.logoAlt": "Logo {name}",
  "theme.language": "Język",
};
