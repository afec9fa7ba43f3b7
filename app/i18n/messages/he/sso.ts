/** sso in he; keys and placeholders as in ../sso.ts. */
export const he = {
  "sso.link": "כניסה עם כניסה אחודה (SSO)",
  "sso.title": "כניסה עם כניסה אחודה",
  "sso.subtitle": "הזינו את כתובת הדוא״ל של העבודה. נעביר אתכם לדף הכניסה של הארגון שלכם.",
  "sso.email": "דוא״ל עבודה",
  "sso.submit": "המשך",
  "sso.invalidEmail": "הזינו כתובת דוא״ל כמו alice@example.com.",
  "sso.noConnection": "אין ארגון שמשתמש בכניסה אחודה עבור הדומיין של כתובת זו. היכנסו בדרך אחרת.",
  "sso.unavailable": "לא ניתן להגיע כרגע לדף הכניסה של הארגון שלכם. נסו שוב בעוד רגע.",
};
