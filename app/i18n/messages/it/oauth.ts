/** oauth in it; keys and placeholders as in ../oauth.ts. */
export const it = {
  "oauth.consent.pageTitle": "Consenti l’accesso",
  "oauth.consent.title": "Consentire a {client} di usare il tuo account {tenant}?",
  "oauth.consent.signedInAs": "Accesso effettuato come {email}",
  "oauth.consent.wants": "{client} chiede di:",
  "oauth.consent.redirect": "Dopo la tua risposta tornerai a {host}.",
  "oauth.consent.allow": "Consenti",
  "oauth.consent.deny": "Nega",
  "oauth.consent.terms": "Termini di servizio",
  "oauth.consent.privacy": "Informativa sulla privacy",
  "oauth.scope.openid": "Confermare chi sei",
  "oauth.scope.profile": "Vedere il tuo nome e la tua foto del profilo",
  "oauth.scope.email": "Vedere il tuo indirizzo email",
  "oauth.scope.offline_access": "Restare connesso quando non lo stai usando",
  "oauth.scope.organizations": "Vedere le tue organizzazioni e i tuoi ruoli al loro interno",
  "oauth.scope.other": "Usare l’autorizzazione “{scope}”",
};
