/** sessions in fr; keys and placeholders as in ../sessions.ts. */
export const fr = {
  "sessions.title": "Comptes sur ce navigateur",
  "sessions.subtitle": "Passez d’un compte connecté ici à l’autre sans vous reconnecter.",
  "sessions.listLabel": "Comptes connectés",
  "sessions.current": "actuel",
  "sessions.switch": "Changer",
  "sessions.switchTo": "Passer à {email}",
  "sessions.signOut": "Se déconnecter",
  "sessions.signOutOf": "Se déconnecter de {email}",
  "sessions.addAccount": "Ajouter un autre compte",
  "sessions.limitReached":
    "Au plus {maximum, plural, one {# compte peut être connecté} other {# comptes peuvent être connectés}} sur un même navigateur.",
  "sessions.addingTitle": "Ajouter un autre compte",
  "sessions.addingText":
    "Vous restez connecté à votre compte actuel ; passez de l’un à l’autre depuis la page de votre compte.",
  "sessions.backToAccount": "Retour à votre compte",
  "sessions.failed": "Impossible de changer de compte",
  "sessions.error.notSignedIn": "Ce compte n’est plus connecté sur ce navigateur.",
};
