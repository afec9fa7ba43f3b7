/** oauth in nl; keys and placeholders as in ../oauth.ts. */
export const nl = {
  "oauth.consent.pageTitle": "Toegang toestaan",
  "oauth.consent.title": "{client} toegang geven tot je {tenant}-account?",
  "oauth.consent.signedInAs": "Ingelogd als {email}",
  "oauth.consent.wants": "{client} vraagt om:",
  "oauth.consent.redirect": "Na je antwoord ga je terug naar {host}.",
  "oauth.consent.allow": "Toestaan",
  "oauth.consent.deny": "Weigeren",
  "oauth.consent.terms": "Servicevoorwaarden",
  "oauth.consent.privacy": "Privacybeleid",
  "oauth.scope.openid": "Bevestigen wie je bent",
  "oauth.scope.profile": "Je naam en profielfoto zien",
  "oauth.scope.email": "Je e-mailadres zien",
  "oauth.scope.offline_access": "Verbonden blijven als je het niet gebruikt",
  "oauth.scope.organizations": "Je organisaties en je rollen daarin zien",
  "oauth.scope.other": "Het recht “{scope}” gebruiken",
};
