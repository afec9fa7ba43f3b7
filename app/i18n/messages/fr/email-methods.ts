/** email-methods in fr; keys and placeholders as in ../email-methods.ts. */
export const fr = {
  "emailMethods.signIn.magicLink": "M’envoyer un lien de connexion par e-mail",
  "emailMethods.signIn.emailCode": "M’envoyer un code par e-mail",
  "emailMethods.signIn.resendVerification": "Envoyer un nouveau lien de confirmation",
  "emailMethods.verify.title": "Confirmez votre adresse e-mail",
  "emailMethods.verify.verifiedTitle": "Votre adresse e-mail est confirmée",
  "emailMethods.verify.verifiedBody": "Merci. Votre compte est prêt.",
  "emailMethods.verify.continue": "Continuer",
  "emailMethods.verify.alreadyTitle": "Ce lien a déjà été utilisé",
  "emailMethods.verify.alreadyBody": "Votre adresse e-mail est déjà confirmée. Connectez-vous pour continuer.",
  "emailMethods.verify.expiredTitle": "Ce lien a expiré",
  "emailMethods.verify.expiredBody":
    "Les liens de confirmation sont valables 24 heures. Saisissez votre adresse e-mail et nous vous en enverrons un nouveau.",
  "emailMethods.verify.invalidTitle": "Ce lien ne fonctionne pas",
  "emailMethods.verify.invalidBody":
    "Le lien est incomplet ou a été modifié. Saisissez votre adresse e-mail et nous vous en enverrons un nouveau.",
  "emailMethods.verify.pendingTitle": "Consultez votre boîte de réception",
  "emailMethods.verify.pendingBody":
    "Nous avons envoyé un lien de confirmation à votre adresse e-mail. Ouvrez-le pour terminer la configuration de votre compte. Rien reçu ? Envoyez un nouveau lien.",
  "emailMethods.verify.sentBody":
    "Si {email} a un compte encore à confirmer, un nouveau lien est en route. Il est valable 24 heures.",
  "emailMethods.verify.resend": "Envoyer un nouveau lien",
  "emailMethods.verify.signIn": "Se connecter",
  "emailMethods.account.verified": "Confirmée",
  "emailMethods.account.unverified": "Pas encore confirmée",
  "emailMethods.account.resend": "Envoyer l’e-mail de confirmation",
  "emailMethods.account.sent": "Nous avons envoyé un lien de confirmation à {email}.",
  "emailMethods.magicLink.title": "Se connecter avec un lien",
  "emailMethods.magicLink.subtitle": "Saisissez votre adresse e-mail et nous vous enverrons un lien qui vous connecte.",
  "emailMethods.magicLink.submit": "M’envoyer un lien par e-mail",
  "emailMethods.magicLink.sentTitle": "Consultez votre boîte de réception",
  "emailMethods.magicLink.sentBody":
    "Nous avons envoyé un lien de connexion à {email}. Il ne fonctionne qu’une fois et expire dans {minutes, plural, one {# minute} other {# minutes}}. Vous pouvez fermer cette page.",
  "emailMethods.magicLink.failedTitle": "Ce lien de connexion ne fonctionne plus",
  "emailMethods.magicLink.failedBody":
    "Les liens de connexion ne fonctionnent qu’une fois et expirent au bout de quelques minutes. Saisissez votre adresse e-mail pour en recevoir un nouveau.",
  "emailMethods.magicLink.signUpClosed":
    "Aucun compte n’existe pour cette adresse e-mail, et il n’est pas possible d’en créer ici.",
  "emailMethods.backToSignIn": "Retour à la connexion",
  "emailMethods.useAnotherEmail": "Utiliser une autre adresse e-mail",
  "emailMethods.code.title": "Se connecter avec un code",
  "emailMethods.code.subtitle": "Saisissez votre adresse e-mail et nous vous enverrons un code à usage unique.",
  "emailMethods.code.submitEmail": "M’envoyer un code par e-mail",
  "emailMethods.code.enterTitle": "Saisissez votre code",
  "emailMethods.code.enterBody":
    "Si {email} peut se connecter ici, un code à {length} chiffres est en route. Il expire dans {minutes, plural, one {# minute} other {# minutes}}.",
  "emailMethods.code.label": "Code à usage unique",
  "emailMethods.code.submitCode": "Se connecter",
  "emailMethods.code.wrong":
    "Ce code est incorrect. {remaining, plural, one {Il reste # tentative} other {Il reste # tentatives}}.",
  "emailMethods.code.wrongLast": "Ce code est incorrect. Il reste 1 tentative.",
  "emailMethods.code.tooMany": "Trop de codes erronés. Ce code ne fonctionne plus : demandez-en un nouveau.",
  "emailMethods.code.expired": "Ce code a expiré. Demandez-en un nouveau.",
  "emailMethods.code.format": "Saisissez le code à {length} chiffres reçu par e-mail.",
  "emailMethods.code.startOver": "Obtenir un nouveau code",
};
