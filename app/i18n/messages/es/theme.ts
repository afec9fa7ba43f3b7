/** theme in es; keys and placeholders as in ../theme.ts. */
export const es = {
  "theme.legalLinks": "Aviso legal y ayuda",
  "theme.terms": "Términos",
  "theme.privacy": "Privacidad",
  "theme.support": "Ayuda",
  "theme.logoAlt": "Logotipo de {name}",
  "theme.language": "Idioma",
};
