/** theme in he; keys and placeholders as in ../theme.ts. */
export const he = {
  "theme.legalLinks": "מידע משפטי ותמיכה",
  "theme.terms": "תנאים",
  "theme.privacy": "פרטיות",
  "theme.support": "תמיכה",
  "theme.logoAlt": "הלוגו של {name}",
  "theme.language": "שפה",
};
