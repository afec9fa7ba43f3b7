/** oauth in fr; keys and placeholders as in ../oauth.ts. */
export const fr = {
  "oauth.consent.pageTitle": "Autoriser l’accès",
  "oauth.consent.title": "Autoriser {client} à utiliser votre compte {tenant} ?",
  "oauth.consent.signedInAs": "Connecté en tant que {email}",
  "oauth.consent.wants": "{client} demande à :",
  "oauth.consent.redirect": "Après votre réponse, vous retournerez sur {host}.",
  "oauth.consent.allow": "Autoriser",
  "oauth.consent.deny": "Refuser",
  "oauth.consent.terms": "Conditions d’utilisation",
  "oauth.consent.privacy": "Politique de confidentialité",
  "oauth.scope.openid": "Confirmer votre identité",
  "oauth.scope.profile": "Voir votre nom et votre photo de profil",
  "oauth.scope.email": "Voir votre adresse e-mail",
  "oauth.scope.offline_access": "Rester connecté lorsque vous ne l’utilisez pas",
  "oauth.scope.organizations": "Voir vos organisations et vos rôles dans celles-ci",
  "oauth.scope.other": "Utiliser l’autorisation « {scope} »",
};
