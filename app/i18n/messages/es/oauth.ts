/** oauth in es; keys and placeholders as in ../oauth.ts. */
export const es = {
  "oauth.consent.pageTitle": "Permitir acceso",
  "oauth.consent.title": "¿Permitir que {client} use tu cuenta de {tenant}?",
  "oauth.consent.signedInAs": "Sesión iniciada como {email}",
  "oauth.consent.wants": "{client} solicita:",
  "oauth.consent.redirect": "Después de responder, volverás a {host}.",
  "oauth.consent.allow": "Permitir",
  "oauth.consent.deny": "Denegar",
  "oauth.consent.terms": "Términos del servicio",
  "oauth.consent.privacy": "Política de privacidad",
  "oauth.scope.openid": "Confirmar quién eres",
  "oauth.scope.profile": "Ver tu nombre y tu foto de perfil",
  "oauth.scope.email": "Ver tu correo electrónico",
  "oauth.scope.offline_access": "Mantener la conexión cuando no lo estés usando",
  "oauth.scope.organizations": "Ver tus organizaciones y tus roles en ellas",
  "oauth.scope.other": "Usar el permiso «{scope}»",
};
