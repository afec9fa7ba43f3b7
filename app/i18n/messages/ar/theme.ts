/** theme in ar; keys and placeholders as in ../theme.ts. */
export const ar = {
  "theme.legalLinks": "الشروط والدعم",
  "theme.terms": "الشروط",
  "theme.privacy": "الخصوصية",
  "theme.support": "الدعم",
  "theme.logoAlt": "شعار {name}",
  "theme.language": "اللغة",
};
