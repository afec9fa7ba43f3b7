/** sso in fr; keys and placeholders as in ../sso.ts. */
export const fr = {
  "sso.link": "Se connecter avec l’authentification unique (SSO)",
  "sso.title": "Se connecter avec l’authentification unique",
  "sso.subtitle":
    "Saisissez votre adresse e-mail professionnelle. Nous vous conduirons à la page de connexion de votre organisation.",
  "sso.email": "E-mail professionnel",
  "sso.submit": "Continuer",
  "sso.invalidEmail": "Saisissez une adresse e-mail comme alice@example.com.",
  "sso.noConnection":
    "Aucune organisation n’utilise l’authentification unique pour le domaine de cette adresse e-mail. Connectez-vous d’une autre manière.",
  "sso.unavailable":
    "La page de connexion de votre organisation est injoignable pour le moment. Réessayez dans un instant.",
};
