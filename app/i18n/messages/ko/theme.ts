/** theme in ko; keys and placeholders as in ../theme.ts. */
export const ko = {
  "theme.legalLinks": "법적 고지 및 지원",
  "theme.terms": "약관",
  "theme.privacy": "개인정보 보호",
  "theme.support": "지원",
  "theme.logoAlt": "{name} 로고",
  "theme.language": "언어",
};
