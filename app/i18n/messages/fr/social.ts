/** social in fr; keys and placeholders as in ../social.ts. */
export const fr = {
  "social.continueWith": "Continuer avec {provider}",
  "social.or": "ou",
  "social.error.title": "Nous n’avons pas pu vous connecter",
  "social.error.state":
    "Nous n’avons pas pu confirmer que cette connexion a été lancée ici. Cela arrive lorsqu’elle a pris plus de dix minutes, qu’elle a été terminée dans un autre navigateur ou que le lien a été modifié.",
  "social.error.stateNext": "Recommencez depuis la page de connexion.",
  "social.error.denied": "La connexion a été annulée chez le fournisseur, ou le fournisseur l’a refusée.",
  "social.error.deniedNext": "Réessayez, ou choisissez un autre moyen de connexion.",
  "social.error.notLinked":
    "Un compte avec cette adresse e-mail existe déjà ici, et nous n’avons pas pu confirmer qu’il vous appartient : le fournisseur ou ce compte n’a pas vérifié l’adresse e-mail.",
  "social.error.notLinkedNext":
    "Connectez-vous comme d’habitude. Une fois votre adresse e-mail vérifiée, la connexion via le fournisseur sera associée à votre compte.",
  "social.error.noEmail": "Le fournisseur ne nous a pas communiqué d’adresse e-mail vérifiée.",
  "social.error.noEmailNext":
    "Autorisez l’accès à votre adresse e-mail chez le fournisseur, ou choisissez un autre moyen de connexion.",
  "social.error.signUpClosed":
    "Aucun compte n’existe pour cette adresse e-mail, et il n’est pas possible d’en créer ici.",
  "social.error.signUpClosedNext":
    "Connectez-vous avec un compte existant, ou demandez une invitation à un administrateur.",
  "social.error.unavailable": "Ce moyen de connexion n’est pas disponible pour le moment.",
  "social.error.unavailableNext": "Choisissez un autre moyen de connexion, ou réessayez plus tard.",
  "social.error.other": "Un problème est survenu lors de votre connexion via le fournisseur.",
  "social.error.otherNext": "Réessayez dans un instant, ou choisissez un autre moyen de connexion.",
  "social.error.code": "Code d’erreur : {code}",
  "social.error.back": "Retour à la connexion",
};
