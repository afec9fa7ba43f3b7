/** sso in nl; keys and placeholders as in ../sso.ts. */
export const nl = {
  "sso.link": "Inloggen met single sign-on (SSO)",
  "sso.title": "Inloggen met single sign-on",
  "sso.subtitle": "Vul je werk-e-mailadres in. We brengen je naar de inlogpagina van je organisatie.",
  "sso.email": "Werk-e-mailadres",
  "sso.submit": "Doorgaan",
  "sso.invalidEmail": "Vul een e-mailadres in zoals alice@example.com.",
  "sso.noConnection":
    "Geen organisatie logt met single sign-on in voor het domein van dit e-mailadres. Log op een andere manier in.",
  "sso.unavailable": "De inlogpagina van je organisatie is nu niet bereikbaar. Probeer het zo opnieuw.",
};
