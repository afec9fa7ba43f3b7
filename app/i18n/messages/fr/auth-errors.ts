/** auth-errors in fr; keys and placeholders as in ../auth-errors.ts. */
export const fr = {
  "authErrors.invalidCredentials": "E-mail ou mot de passe incorrect.",
  "authErrors.emailNotVerified":
    "Confirmez votre adresse e-mail avant de vous connecter : ouvrez le lien que nous vous avons envoyé.",
  "authErrors.tooManyAttempts": "Trop de tentatives. Patientez une minute, puis réessayez.",
  "authErrors.accountThrottled":
    "Trop de tentatives pour ce compte. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}} ou connectez-vous avec un lien.",
  "authErrors.accountLocked":
    "Trop de tentatives échouées pour ce compte : la connexion par mot de passe est suspendue. Connectez-vous avec un lien ou un code, ou réinitialisez votre mot de passe.",
  "authErrors.busy": "Beaucoup de personnes se connectent en ce moment. Réessayez dans quelques secondes.",
  "authErrors.passkeyCancelled":
    "La demande de clé d’accès a été annulée ou a expiré. Réessayez, ou connectez-vous autrement.",
  "authErrors.passkeyFailed": "Nous n’avons pas pu vérifier cette clé d’accès. Réessayez, ou connectez-vous autrement.",
  "authErrors.networkError": "Impossible de joindre le service de connexion. Vérifiez votre connexion, puis réessayez.",
};
