/** theme in pt-BR; keys and placeholders as in ../theme.ts. */
export const ptBR = {
  "theme.legalLinks": "Informações legais e suporte",
  "theme.terms": "Termos",
  "theme.privacy": "Privacidade",
  "theme.support": "Suporte",
  "theme.logoAlt": "Logotipo de {name}",
  "theme.language": "Idioma",
};
