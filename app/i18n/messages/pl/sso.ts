/** sso in pl; keys and placeholders as in ../sso.ts. */
export const pl = {
  "sso.link": "Zaloguj się przez logowanie jednokrotne (SSO)",
  "sso.title": "Zaloguj się przez logowanie jednokrotne",
  "sso.subtitle": "Podaj służbowy adres e-mail. Przeniesiemy Cię na stronę logowania Twojej organizacji.",
  "sso.email": "Służbowy e-mail",
  "sso.submit": "Dalej",
  "sso.invalidEmail": "Podaj adres e-mail, na przykład alice@example.com.",
  "sso.noConnection":
    "Żadna organizacja nie loguje się przez logowanie jednokrotne w domenie tego adresu. Zaloguj się w inny sposób.",
  "sso.unavailable": "Strona logowania Twojej organizacji jest teraz niedostępna. Spróbuj ponownie za chwilę.",
};
